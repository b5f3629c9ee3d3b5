namespace EcgScope.Core.Tests;

public sealed class AnnotationTests
{
    [Theory]
    [InlineData(AnnotationCode.Normal, "N")]
    [InlineData(AnnotationCode.PrematureVentricular, "V")]
    [InlineData(AnnotationCode.Paced, "/")]
    [InlineData(AnnotationCode.Rhythm, "+")]
    [InlineData(AnnotationCode.WaveformOnset, "(")]
    [InlineData(AnnotationCode.ROnT, "r")]
    public void Codes_have_physionet_symbols(AnnotationCode code, string symbol)
    {
        Assert.Equal(symbol, AnnotationCodes.Symbol(code));
        Assert.True(AnnotationCodes.TryParse(symbol, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void Beat_set_is_the_wfdb_isqrs_set()
    {
        var beats = Enum.GetValues<AnnotationCode>().Where(AnnotationCodes.IsBeat).Select(AnnotationCodes.Symbol);
        Assert.Equal("/ ? A B E F J L N Q R S V a e f j n r".Split(' '), beats.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_symbols_do_not_parse() => Assert.False(AnnotationCodes.TryParse("", out _));

    [Fact]
    public void Format_errors_say_where_and_why()
    {
        var error = new EcgFormatException("100.hea", "sampling rate 'abc' is not a number", line: 1);
        Assert.Equal("100.hea, line 1: sampling rate 'abc' is not a number", error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal("x.dat, byte 17: truncated", new EcgFormatException("x.dat", "truncated", byteOffset: 17).Message);
    }
}
