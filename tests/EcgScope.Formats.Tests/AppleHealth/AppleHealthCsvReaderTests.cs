using System.Globalization;
using System.Text;
using EcgScope.Core;
using EcgScope.Formats.AppleHealth;
using EcgScope.Testing;
using EcgScope.Formats.Tests.Csv;

namespace EcgScope.Formats.Tests.AppleHealth;

public sealed class AppleHealthCsvReaderTests
{
    private const string Header = """
        Name,Jane Example
        Date of Birth,"Jan 1, 1970"
        Recorded Date,2024-08-19 22:48:31 +0200
        Classification,Sinus Rhythm
        Symptoms,
        Software Version,1.90
        Device,"Watch7,2"
        Sample Rate,512 hertz


        Lead,Lead I
        Unit,µV

        """;

    private readonly AppleHealthCsvReader reader = new();

    public static TheoryData<string, string> GenuineFiles => new()
    {
        { "ecg_2024-08-19.csv", "Sinus Rhythm" },
        { "ecg_2024-08-20.csv", "Heart Rate Over 150" },
        { "ecg_2024-08-21.csv", "Sinus Rhythm" },
        { "ecg_2024-08-24.csv", "Sinus Rhythm" },
        { "ecg_2024-08-26.csv", "Sinus Rhythm" },
        { "ecg_2024-09-03.csv", "Sinus Rhythm" },
    };

    [Theory]
    [MemberData(nameof(GenuineFiles))]
    public void Reads_every_genuine_export(string file, string classification)
    {
        var path = TestData.File("apple-health", file);
        var lines = File.ReadAllLines(path);
        var sampleLines = lines.SkipWhile(line => !line.StartsWith("Unit,", StringComparison.Ordinal)).Skip(1)
            .Where(line => line.Length > 0).ToArray();

        Assert.Same(typeof(AppleHealthCsvReader), EcgFile.Detect(path).GetType());
        var record = EcgFile.Read(path);

        Assert.Equal(sampleLines.Length, record.SampleCount);
        Assert.Equal(15360, record.SampleCount);
        Assert.Equal(512.0, record.SamplingRate.Hertz);
        Assert.Equal("I", Assert.Single(record.Leads).Name);
        Assert.Equal(classification, record.Metadata.DeviceClassification);
        Assert.Equal("Watch7,2", record.Metadata.Device);
        Assert.Equal("1.90", record.Metadata.Software);
        Assert.Equal(AppleHealthCsvReader.Format, record.Metadata.SourceFormat);
        Assert.Empty(record.Metadata.Comments);
        var date = file["ecg_".Length..^".csv".Length];
        Assert.Equal(date, record.StartTime!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(2), record.StartTime.Value.Offset);
        // Italian export: "-160,933" is -160.933 µV, i.e. -0.160933 mV. Check first, middle and last lines independently.
        foreach (var i in new[] { 0, sampleLines.Length / 2, sampleLines.Length - 1 })
        {
            var microvolts = double.Parse(sampleLines[i].Replace(',', '.'), CultureInfo.InvariantCulture);
            Assert.Equal(microvolts / 1000, record.Leads[0].SamplesMillivolts[i], 12);
        }
    }

    [Fact]
    public void Genuine_export_starts_at_the_recorded_instant_and_keeps_no_personal_data()
    {
        var record = reader.Read(TestData.File("apple-health", "ecg_2024-08-19.csv"), EcgReadOptions.Default);

        Assert.Equal(new DateTimeOffset(2024, 8, 19, 22, 48, 31, TimeSpan.FromHours(2)), record.StartTime);
        Assert.Equal(-0.160933, record.Leads[0].SamplesMillivolts[0], 12);
        Assert.Equal(-0.201998, record.Leads[0].SamplesMillivolts[1], 12);
        Assert.Empty(record.Metadata.Properties);
        var everything = string.Join("|", record.Metadata.Comments) + record.Metadata.Device + record.Metadata.Software;
        Assert.DoesNotContain("Redacted", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("1970", everything, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    public void Reads_english_decimal_points_with_any_line_ending_and_optional_bom(string newline, bool bom)
    {
        var text = Header + "-160.933\n-201.998\n49\n1.5e2\n";
        var record = ReadText(text.Replace("\n", newline, StringComparison.Ordinal), bom);

        AssertSamples([-0.160933, -0.201998, 0.049, 0.15], record);
        Assert.Equal("Sinus Rhythm", record.Metadata.DeviceClassification);
        Assert.Equal("I", record.Leads[0].Name);
    }

    [Fact]
    public void Decimal_comma_lines_are_one_number_each()
    {
        var record = ReadText(Header + "-160,933\n-201,998\n-206,2\n17\n");

        AssertSamples([-0.160933, -0.201998, -0.2062, 0.017], record);
    }

    [Theory]
    [InlineData("512 hertz", 512.0)]
    [InlineData("512.508 hertz", 512.508)]
    [InlineData("512,6 hertz", 512.6)]
    [InlineData("250 Hz", 250.0)]
    public void Keeps_the_stated_sample_rate(string stated, double hertz)
    {
        var record = ReadText(Header.Replace("512 hertz", stated, StringComparison.Ordinal) + "1.0\n2.0\n");

        Assert.Equal(hertz, record.SamplingRate.Hertz);
    }

    [Theory]
    [InlineData("uV", 0.001)]
    [InlineData("mV", 1.0)]
    public void Converts_other_units_to_millivolts(string unit, double factor)
    {
        var record = ReadText(Header.Replace("Unit,µV", "Unit," + unit, StringComparison.Ordinal) + "250\n");

        Assert.Equal(250 * factor, record.Leads[0].SamplesMillivolts[0], 12);
    }

    [Fact]
    public void Symptoms_become_comments()
    {
        var record = ReadText(Header.Replace("Symptoms,", "Symptoms,\"Dizziness, Fatigue\"", StringComparison.Ordinal) + "1\n");

        Assert.Equal(["Dizziness, Fatigue"], record.Metadata.Comments);
    }

    [Theory]
    [InlineData("-160,933\n-20x,998\n", 14, "'-20x,998' is not a number")]
    [InlineData("-160,933\n-201.998\n", 14, "uses '.' as decimal separator, but line 13 uses ','")]
    [InlineData("-160,933\n-160,93\n1,2,3\n", 15, "is not a number")]
    public void Garbled_samples_are_reported_with_their_line(string samples, int line, string reason)
    {
        var error = ReadError(Header + samples);

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_sample_rate_is_an_error()
    {
        var error = ReadError(Header.Replace("Sample Rate,512 hertz\n", string.Empty, StringComparison.Ordinal) + "1\n");

        Assert.Contains("no 'Sample Rate' line", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_sample_rate_is_an_error_at_its_line()
    {
        var error = ReadError(Header.Replace("512 hertz", "fast", StringComparison.Ordinal) + "1\n");

        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Unknown_unit_is_an_error_at_its_line()
    {
        var error = ReadError(Header.Replace("Unit,µV", "Unit,mmHg", StringComparison.Ordinal) + "1\n");

        Assert.Equal(12, error.Line);
        Assert.Contains("unknown unit 'mmHg'", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00 +1400")]
    [InlineData("19 August 2024")]
    public void Unusable_recorded_date_is_kept_verbatim_without_a_start_time(string recorded)
    {
        var record = ReadText(Header.Replace("2024-08-19 22:48:31 +0200", recorded, StringComparison.Ordinal) + "1\n");

        Assert.Null(record.StartTime);
        Assert.Equal(recorded, record.Metadata.Properties["Recorded Date"]);
    }

    [Fact]
    public void Header_without_samples_is_an_error() =>
        Assert.Contains("no samples", ReadError(Header).Reason, StringComparison.Ordinal);

    [Fact]
    public void Truncated_export_keeps_the_samples_it_holds()
    {
        var record = ReadText(Header + "-160,933\n-201,998\n-20");

        AssertSamples([-0.160933, -0.201998, -0.020], record);
    }

    [Fact]
    public void Is_recognised_by_content_and_not_taken_by_the_generic_csv_reader()
    {
        var path = Write(Header + "1,5\n");
        var head = File.ReadAllBytes(path);

        Assert.True(reader.CanRead(path, head));
        Assert.False(new EcgScope.Formats.Csv.CsvEcgReader().CanRead(path, head));
        Assert.False(reader.CanRead(path, Encoding.UTF8.GetBytes("time,I\n0,1\n")));
    }

    [Fact(Timeout = 120_000)]
    public async Task Mutated_genuine_exports_give_a_record_or_a_format_error()
    {
        var original = await File.ReadAllBytesAsync(TestData.File("apple-health", "ecg_2024-08-19.csv"), TestContext.Current.CancellationToken);

        var (read, rejected) = await Task.Run(() =>
            MutationFuzzer.Run(reader, original, "ecg_2024-08-19.csv", EcgReadOptions.Default, seed: 20240819, iterations: 300, isText: true));

        TestContext.Current.TestOutputHelper?.WriteLine($"{read} mutants read, {rejected} rejected with EcgFormatException.");
        Assert.True(read > 0 && rejected > 0, $"{read} read, {rejected} rejected: the mutations should produce both.");
    }

    private static void AssertSamples(double[] millivolts, EcgRecord record)
    {
        Assert.Equal(millivolts.Length, record.SampleCount);
        for (var i = 0; i < millivolts.Length; i++)
        {
            Assert.Equal(millivolts[i], record.Leads[0].SamplesMillivolts[i], 12);
        }
    }

    private static EcgRecord ReadText(string text, bool bom = false) =>
        new AppleHealthCsvReader().Read(Write(text, bom), EcgReadOptions.Default);

    private static EcgFormatException ReadError(string text) =>
        Assert.Throws<EcgFormatException>(() => ReadText(text));

    private static string Write(string text, bool bom = false)
    {
        var path = Path.Combine(TestData.TempFolder(), "ecg_2024-01-01.csv");
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }
}
