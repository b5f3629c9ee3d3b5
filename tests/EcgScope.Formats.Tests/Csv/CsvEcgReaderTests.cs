using System.Globalization;
using System.Text;
using EcgScope.Core;
using EcgScope.Formats.Csv;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Csv;

public sealed class CsvEcgReaderTests
{
    private static readonly EcgReadOptions At250Hz = new() { SamplingRate = new SamplingRate(250) };

    [Theory]
    [InlineData(",", ".")]
    [InlineData(";", ",")]
    [InlineData(";", ".")]
    [InlineData("\t", ",")]
    [InlineData("\t", ".")]
    [InlineData(" ", ".")]
    [InlineData("   ", ".")]
    public void Reads_every_delimiter_with_a_header_and_a_time_column(string delimiter, string decimalSeparator)
    {
        var rows = Enumerable.Range(0, 500).Select(i =>
            string.Join(delimiter, Number(i / 360.0, decimalSeparator, "0.000"), Number(Math.Sin(i / 10.0), decimalSeparator, "0.0000"),
                Number(i * 0.5, decimalSeparator, "0.0")));
        var path = Write(string.Join("\n", [string.Join(delimiter, "time", "MLII", "V5"), .. rows]));

        var record = EcgFile.Read(path);

        Assert.Equal(["MLII", "V5"], record.LeadNames);
        Assert.Equal(500, record.SampleCount);
        Assert.Equal(360.0, record.SamplingRate.Hertz, 0.5);
        Assert.Equal(Math.Round(Math.Sin(4.2), 4), record.Leads[0].SamplesMillivolts[42], 12);
        Assert.Equal(21.0, record.Leads[1].SamplesMillivolts[42], 12);
        Assert.Equal(CsvEcgReader.Format, record.Metadata.SourceFormat);
    }

    [Fact]
    public void Headerless_file_without_time_needs_the_rate_and_names_leads_by_number()
    {
        var path = Write("0.1,0.2,0.3\n0.4,0.5,0.6\n");

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));
        Assert.Contains("EcgReadOptions.SamplingRate", error.Reason, StringComparison.Ordinal);

        var record = EcgFile.Read(path, At250Hz);
        Assert.Equal(["Lead 1", "Lead 2", "Lead 3"], record.LeadNames);
        Assert.Equal([0.3, 0.6], record.Leads[2].SamplesMillivolts.ToArray());
        Assert.Equal(250.0, record.SamplingRate.Hertz);
    }

    [Fact]
    public void Headerless_uniform_first_column_is_time()
    {
        var record = EcgFile.Read(Write("0.000,1.5\n0.002,1.6\n0.004,1.7\n0.006,1.8\n"));

        Assert.Equal(500.0, record.SamplingRate.Hertz, 1e-9);
        Assert.Equal(["Lead 1"], record.LeadNames);
    }

    [Fact]
    public void Uniform_first_column_is_time_whatever_its_name()
    {
        var record = EcgFile.Read(Write("elapsed,I,II\n0.5,1,2\n0.51,1,2\n0.52,1,2\n0.53,1,2\n"));

        Assert.Equal(100.0, record.SamplingRate.Hertz, 1e-9);
        Assert.Equal(["I", "II"], record.LeadNames);
    }

    [Fact]
    public void Headerless_row_numbers_are_not_time()
    {
        var record = EcgFile.Read(Write("0,1.5\n1,1.6\n2,1.7\n3,1.8\n"), At250Hz);

        Assert.Equal(250.0, record.SamplingRate.Hertz);
        Assert.Equal([1.5, 1.6, 1.7, 1.8], record.Leads[0].SamplesMillivolts.ToArray());
    }

    [Fact]
    public void Time_in_milliseconds_and_units_from_header_suffixes()
    {
        var record = EcgFile.Read(Write("time (ms),MLII (mV),V1 [uV],V2 (V)\n0,1,1000,0.001\n4,2,2000,0.002\n8,3,-500,0\n"));

        Assert.Equal(250.0, record.SamplingRate.Hertz, 1e-9);
        Assert.Equal(["MLII", "V1", "V2"], record.LeadNames);
        Assert.Equal([1.0, 2.0, -0.5], record.Leads[1].SamplesMillivolts.ToArray());
        Assert.Equal([1.0, 2.0, 0.0], record.Leads[2].SamplesMillivolts.ToArray());
    }

    [Theory]
    [InlineData("timestamp_ms")]
    [InlineData("Time_MS")]
    [InlineData("time [ms]")]
    [InlineData("t (msec)")]
    [InlineData("msec")]
    [InlineData("millis")]
    [InlineData("elapsed milliseconds")]
    public void Millisecond_time_columns_are_recognised_by_their_name(string timeName)
    {
        var record = EcgFile.Read(Write($"{timeName},ECG\n0,1\n4,2\n8,3\n12,4\n"));

        Assert.Equal(250.0, record.SamplingRate.Hertz, 1e-9);
        Assert.Equal(["ECG"], record.LeadNames);
    }

    [Theory]
    [InlineData("stamp,ECG\n0,1\n4,2\n8,3\n12,4\n", "column 1 ('stamp') was taken as time in seconds, but its step 4 gives 0.25 Hz")]
    [InlineData("0,1\n4,2\n8,3\n12,4\n", "column 1 was taken as time in seconds, but its step 4 gives 0.25 Hz")]
    [InlineData("time_us,ECG\n0,1\n4,2\n8,3\n12,4\n", "column 1 ('time_us') was taken as time in seconds")]
    [InlineData("time (ms),ECG\n0,1\n0.001,2\n0.002,3\n", "gives 1E+06 Hz")]
    public void An_implausible_rate_from_a_time_column_is_refused_with_a_hint(string text, string reason)
    {
        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(Write(text)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("--sampling-rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_rate_that_disagrees_with_the_time_column_is_an_error_naming_both()
    {
        var path = Write("time,ECG\n0,1\n0.004,2\n0.008,3\n0.012,4\n");

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path, new EcgReadOptions { SamplingRate = new SamplingRate(360) }));
        var agreeing = EcgFile.Read(path, new EcgReadOptions { SamplingRate = new SamplingRate(251) });

        Assert.Contains("360 Hz", error.Message, StringComparison.Ordinal);
        Assert.Contains("250 Hz", error.Message, StringComparison.Ordinal);
        Assert.Equal(250.0, agreeing.SamplingRate.Hertz, 1e-9);
    }

    [Fact]
    public void Unit_option_applies_where_the_header_gives_none()
    {
        var record = EcgFile.Read(Write("I,II (mV)\n100,1\n"), At250Hz with { Unit = "uV" });

        Assert.Equal(0.1, record.Leads[0].SamplesMillivolts[0], 12);
        Assert.Equal(1.0, record.Leads[1].SamplesMillivolts[0], 12);
    }

    [Fact]
    public void Quoted_fields_comments_and_empty_cells()
    {
        var record = EcgFile.Read(Write("# exported by a tool\n\"sample #\",\"Lead, I\",\"II\"\n# note\n0,\"1.5\",\n1,,2.5\n"), At250Hz);

        Assert.Equal(["Lead, I", "II"], record.LeadNames);
        Assert.Equal(1.5, record.Leads[0].SamplesMillivolts[0]);
        Assert.True(double.IsNaN(record.Leads[0].SamplesMillivolts[1]));
        Assert.True(double.IsNaN(record.Leads[1].SamplesMillivolts[0]));
        Assert.Equal(2.5, record.Leads[1].SamplesMillivolts[1]);
    }

    [Fact]
    public void Crlf_and_bom_are_accepted()
    {
        var path = Path.Combine(TestData.TempFolder(), "x.csv");
        File.WriteAllText(path, "t;I\r\n0,000;1,25\r\n0,001;1,5\r\n0,002;1,75\r\n", new UTF8Encoding(true));

        var record = EcgFile.Read(path);

        Assert.Equal(1000.0, record.SamplingRate.Hertz, 1e-6);
        Assert.Equal([1.25, 1.5, 1.75], record.Leads[0].SamplesMillivolts.ToArray());
    }

    [Fact]
    public void Rounded_time_stamps_still_give_the_true_rate()
    {
        // 1/360 s printed with 3 decimals: steps of 0.002 and 0.003, all within a quarter period of the grid.
        var rows = Enumerable.Range(0, 3600).Select(i => $"{(i / 360.0).ToString("0.000", CultureInfo.InvariantCulture)},0");
        var record = EcgFile.Read(Write("time,I\n" + string.Join("\n", rows)));

        Assert.Equal(360.0, record.SamplingRate.Hertz, 0.01);
    }

    [Fact]
    public void Irregular_time_column_is_an_error_at_the_first_bad_row()
    {
        var rows = Enumerable.Range(0, 100).Where(i => i != 50).Select(i => $"{i * 0.004:0.000},0".Replace(" ", "", StringComparison.Ordinal));
        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(Write("time,I\n" + string.Join("\n", rows))));

        Assert.Contains("not uniform", error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Line!.Value, 2, 101);
    }

    [Fact]
    public void Decreasing_time_is_an_error() =>
        Assert.Equal(4, Assert.Throws<EcgFormatException>(() => EcgFile.Read(Write("time,I\n0,1\n0.01,2\n0.005,3\n0.03,4\n"))).Line);

    [Theory]
    [InlineData("I,II\n1,2\n3\n", 3, "expected 2 comma-separated fields, found 1")]
    [InlineData("I,II\n1,2\n3,4,5\n", 3, "expected 2")]
    [InlineData("I,II\n1,2\n3,abc\n", 3, "column 2 ('II'): 'abc' is not a number")]
    [InlineData("I,II\n1,2\n3,inf\n", 3, "column 2 ('II'): 'inf' is not a number")]
    [InlineData("I,II\n1,2\n-Infinity,4\n", 3, "column 1 ('I'): '-Infinity' is not a number")]
    [InlineData("I,II\n1,2\n1e999,4\n", 3, "'1e999' is not a number")]
    [InlineData("I,II\n1,\"2\n", 2, "quoted field is not closed")]
    [InlineData("I (mmHg),II\n1,2\n", 1, "unknown unit 'mmHg'")]
    public void Malformed_rows_are_reported_with_their_line(string text, int line, string reason)
    {
        var error = Assert.Throws<EcgFormatException>(() => new CsvEcgReader().Read(Write(text), At250Hz));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I,II\n", "no data rows")]
    [InlineData("# only a comment\n\n", "no rows")]
    [InlineData("time,sample\n0,0\n0.1,1\n", "no lead columns")]
    public void Files_without_samples_are_errors(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<EcgFormatException>(() => new CsvEcgReader().Read(Write(text), At250Hz)).Reason, StringComparison.Ordinal);

    [Fact]
    public void Only_claims_text_files_with_numeric_rows_and_a_text_extension()
    {
        var reader = new CsvEcgReader();
        Assert.True(reader.CanRead("a.csv", "I,II\n1,2\n"u8));
        Assert.True(reader.CanRead("a.TSV", "I\tII\n1\t2\n"u8));
        Assert.False(reader.CanRead("a.csv", "hello,world\nfoo,bar\n"u8));
        Assert.False(reader.CanRead("100.hea", "100 2 360 650000\n"u8));
        Assert.False(reader.CanRead("a.csv", [0x30, 0x00, 0x31, 0x0A]));
    }

    [Fact(Timeout = 120_000)]
    public async Task Mutated_files_give_a_record_or_a_format_error()
    {
        var rows = Enumerable.Range(0, 400).Select(i => $"{(i / 500.0).ToString("0.000", CultureInfo.InvariantCulture)};\"{i % 7},25\";{-i}");
        var original = Encoding.UTF8.GetBytes("# test\n\"time (s)\";\"MLII (mV)\";\"V1 [uV]\"\n" + string.Join("\r\n", rows));

        var (read, rejected) = await Task.Run(() =>
            MutationFuzzer.Run(new CsvEcgReader(), original, "fuzz.csv", EcgReadOptions.Default, seed: 7, iterations: 400, isText: true));

        TestContext.Current.TestOutputHelper?.WriteLine($"{read} mutants read, {rejected} rejected with EcgFormatException.");
        Assert.True(read > 0 && rejected > 0, $"{read} read, {rejected} rejected: the mutations should produce both.");
    }

    private static string Number(double value, string decimalSeparator, string format) =>
        value.ToString(format, CultureInfo.InvariantCulture).Replace(".", decimalSeparator, StringComparison.Ordinal);

    private static string Write(string text)
    {
        var path = Path.Combine(TestData.TempFolder(), "ecg.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
