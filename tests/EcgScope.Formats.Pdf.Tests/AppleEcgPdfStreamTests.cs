using EcgScope.Core;
using EcgScope.Formats.Tests;
using EcgScope.Testing;

namespace EcgScope.Formats.Pdf.Tests;

/// <summary>An Apple Health ECG PDF uploaded as a stream that cannot seek reads as the file does.</summary>
public sealed class AppleEcgPdfStreamTests
{
    private static readonly EcgFileReader Files = EcgFile.BuiltIn.With(new AppleEcgPdfReader());

    [Fact]
    public void An_export_read_from_a_stream_equals_the_file_read()
    {
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Symptoms = ["Rapid, pounding, or fluttering heartbeat"] };
        var path = AppleEcgPdfGenerator.Write(spec, TestData.TempFolder());

        var record = Files.Read(new NonSeekableStream(File.ReadAllBytes(path)), "Health ECG.pdf");

        RecordAssert.Equal(Files.Read(path), record);
        Assert.Equal(15360, record.SampleCount);
    }

    [Fact]
    public void A_damaged_export_read_from_a_stream_is_named_in_the_error()
    {
        var bytes = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) });

        var error = Assert.Throws<EcgFormatException>(() => Files.Read(new NonSeekableStream(bytes[..(bytes.Length / 3)]), "upload.pdf"));

        Assert.Equal("upload.pdf", error.Source);
        Assert.StartsWith("upload.pdf: not a readable PDF", error.Message, StringComparison.Ordinal);
    }
}
