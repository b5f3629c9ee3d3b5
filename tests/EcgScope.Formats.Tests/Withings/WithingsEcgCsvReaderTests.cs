using System.Globalization;
using System.Text;
using EcgScope.Core;
using EcgScope.Formats.AppleHealth;
using EcgScope.Formats.Csv;
using EcgScope.Formats.Tests.Csv;
using EcgScope.Formats.Withings;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Withings;

public sealed class WithingsEcgCsvReaderTests
{
    private const string Header = "date,type,frequency,duration,wearposition,signal,doctor_assessment,doctor_name,checkup_date\n";

    // A 3 Hz × 2 s recording: six samples in µV.
    private const string Row = "2023-07-25T03:35:18+02:00,Electrocardiogram,3,2,1,\"-106,-132,0,1500,7,-2\",,,\n";

    private readonly WithingsEcgCsvReader reader = new();

    private static string GenuineFile => TestData.File("withings", "signal.csv");

    [Fact]
    public void Genuine_export_is_detected_and_its_first_recording_read()
    {
        var path = GenuineFile;
        var firstRow = File.ReadLines(path).Skip(1).First();
        var microvolts = firstRow.Split('"')[1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        Assert.IsType<WithingsEcgCsvReader>(EcgFile.Detect(path));
        var record = EcgFile.Read(path);

        Assert.Equal(9000, record.SampleCount);
        Assert.Equal(300.0, record.SamplingRate.Hertz);
        Assert.Equal("I", Assert.Single(record.Leads).Name);
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 3, 35, 18, TimeSpan.FromHours(2)), record.StartTime);
        Assert.Equal(WithingsEcgCsvReader.Format, record.Metadata.SourceFormat);
        Assert.Equal("Withings", record.Metadata.Device);
        Assert.Equal("1 of 4", record.Metadata.Properties[WithingsEcgCsvReader.RecordingProperty]);
        Assert.Equal("left wrist", record.Metadata.Properties[WithingsEcgCsvReader.WearPositionProperty]);
        Assert.False(record.Metadata.Properties.ContainsKey(WithingsEcgCsvReader.DoctorNameProperty)); // empty in this export
        Assert.Equal(-0.106, record.Leads[0].Span[0], 12);
        Assert.Equal(microvolts.Select(v => v / 1000.0), record.Leads[0].SamplesMillivolts);
        // A wrist ECG in mV: beats of a few tenths of a millivolt, nothing near a volt.
        var samples = record.Leads[0].Span;
        Assert.InRange(samples.ToArray().Max() - samples.ToArray().Min(), 0.3, 5.0);
        Assert.All(record.Leads[0].SamplesMillivolts, mv => Assert.InRange(mv, -5.0, 5.0));
    }

    [Fact]
    public void Genuine_export_lists_its_four_recordings_and_reads_any_of_them()
    {
        var file = WithingsEcgFile.Read(GenuineFile);

        Assert.Equal(
            ["2023-07-25T03:35:18+02:00", "2023-11-15T03:10:37+01:00", "2023-11-15T03:11:34+01:00", "2024-03-02T06:07:26+01:00"],
            file.Recordings.Select(r => r.Date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
        Assert.Equal([2, 3, 4, 5], file.Recordings.Select(r => r.Line));
        Assert.All(file.Recordings, r =>
        {
            Assert.Equal((300.0, 30.0, 1, 9000), (r.FrequencyHertz, r.DurationSeconds, r.WearPosition, r.SamplesMillivolts.Length));
            Assert.Equal("Electrocardiogram", r.Type);
            Assert.Null(r.DoctorAssessment);
        });

        var last = WithingsEcgCsvReader.ToRecord(file, 3);

        Assert.Equal(new DateTimeOffset(2024, 3, 2, 6, 7, 26, TimeSpan.FromHours(1)), last.StartTime);
        Assert.Equal("4 of 4", last.Metadata.Properties[WithingsEcgCsvReader.RecordingProperty]);
        Assert.Equal(file.Recordings[3].SamplesMillivolts, last.Leads[0].SamplesMillivolts);
        Assert.Throws<ArgumentOutOfRangeException>(() => WithingsEcgCsvReader.ToRecord(file, 4));
    }

    [Theory]
    [InlineData("signal.csv")]
    [InlineData("upload.bin")] // the content decides, not the name
    public void Genuine_export_read_from_a_stream_that_cannot_seek_equals_the_file_read(string name)
    {
        var path = GenuineFile;
        using var stream = new NonSeekableStream(File.ReadAllBytes(path));

        var record = EcgFile.Read(stream, name);

        RecordAssert.Equal(EcgFile.Read(path), record);
        Assert.IsType<WithingsEcgCsvReader>(EcgFile.BuiltIn.Detect(EcgSource.FromStream(new NonSeekableStream(File.ReadAllBytes(path)), name)));
    }

    [Fact]
    public void Apple_Health_and_generic_CSV_files_keep_their_own_readers()
    {
        var apple = TestData.File("apple-health", "ecg_2024-08-19.csv");
        var generic = Write("time,I\n0,0.1\n0.004,0.2\n0.008,0.15\n", "generic.csv");
        var withings = File.ReadAllBytes(GenuineFile).AsSpan(0, 4096);

        Assert.IsType<AppleHealthCsvReader>(EcgFile.Detect(apple));
        Assert.IsType<CsvEcgReader>(EcgFile.Detect(generic));
        Assert.False(reader.CanRead(apple, File.ReadAllBytes(apple)));
        Assert.False(reader.CanRead(generic, File.ReadAllBytes(generic)));
        Assert.False(new CsvEcgReader().CanRead(GenuineFile, withings));
        Assert.False(new AppleHealthCsvReader().CanRead(GenuineFile, withings));
    }

    [Fact]
    public void Small_export_is_read_in_millivolts_with_its_doctor_fields()
    {
        var row = Row.Replace(",,,\n", ",\"Sinus rhythm, no AF\",Dr. Example,2023-07-26\n", StringComparison.Ordinal);

        var record = ReadText(Header + row + Row);

        Assert.Equal([-0.106, -0.132, 0, 1.5, 0.007, -0.002], record.Leads[0].SamplesMillivolts);
        Assert.Equal(3.0, record.SamplingRate.Hertz);
        Assert.Equal("1 of 2", record.Metadata.Properties[WithingsEcgCsvReader.RecordingProperty]);
        Assert.Equal("Sinus rhythm, no AF", record.Metadata.Properties[WithingsEcgCsvReader.DoctorAssessmentProperty]);
        Assert.Equal("Dr. Example", record.Metadata.Properties[WithingsEcgCsvReader.DoctorNameProperty]);
        Assert.Equal("2023-07-26", record.Metadata.Properties[WithingsEcgCsvReader.CheckupDateProperty]);
    }

    [Theory]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    [InlineData("\r\n", false)]
    public void Line_endings_and_a_byte_order_mark_do_not_matter(string newline, bool bom)
    {
        var path = Write((Header + Row).Replace("\n", newline, StringComparison.Ordinal), "signal.csv", bom);

        Assert.IsType<WithingsEcgCsvReader>(EcgFile.Detect(path));
        Assert.Equal(6, EcgFile.Read(path).SampleCount);
    }

    public static TheoryData<string, int, string> MalformedFiles => new()
    {
        { Header.Replace("frequency,", string.Empty, StringComparison.Ordinal) + Row, 1, "the header has no 'frequency' column" },
        { Header.Replace("type", "date", StringComparison.Ordinal) + Row, 1, "names the column 'date' twice" },
        { Header + Row.Replace("0,1500", "0,15x0", StringComparison.Ordinal), 2, "sample 4 of the signal field, '15x0', is not an integer (µV)" },
        { Header + Row.Replace("0,1500", "0,1.5", StringComparison.Ordinal), 2, "sample 4 of the signal field, '1.5', is not an integer" },
        { Header + Row.Replace("0,1500", "0,,1500", StringComparison.Ordinal), 2, "sample 4 of the signal field, '', is not an integer" },
        { Header + Row.Replace("-2\",", "-2,", StringComparison.Ordinal), 2, "a quote is not closed" },
        { Header + Row.Replace("\"-106,-132,0,1500,7,-2\"", "\"\"", StringComparison.Ordinal), 2, "the signal field is empty" },
        { Header + Row.Replace("\"-106,-132,0,1500,7,-2\"", "-106,-132,0,1500,7,-2", StringComparison.Ordinal), 2, "the row has 14 fields but the header names 9 columns" },
        { Header + Row.Replace(",3,2,", ",0,2,", StringComparison.Ordinal), 2, "frequency '0' is not a positive number of hertz" },
        { Header + Row.Replace(",3,2,", ",-300,2,", StringComparison.Ordinal), 2, "frequency '-300' is not a positive number of hertz" },
        { Header + Row.Replace(",3,2,", ",fast,2,", StringComparison.Ordinal), 2, "frequency 'fast' is not a positive number of hertz" },
        { Header + Row.Replace(",3,2,", ",,2,", StringComparison.Ordinal), 2, "frequency '' is not a positive number of hertz" },
        { Header + Row.Replace(",3,2,", ",3,0,", StringComparison.Ordinal), 2, "duration '0' is not a positive number of seconds" },
        { Header + Row.Replace(",3,2,", ",3,30,", StringComparison.Ordinal), 2, "the signal holds 6 samples, but frequency × duration = 3 Hz × 30 s = 90" },
        { Header + Row.Replace("03:35:18+02:00", "03:35:18", StringComparison.Ordinal), 2, "date '2023-07-25T03:35:18' is not an ISO 8601 time with a UTC offset" },
        { Header + Row.Replace(",2,1,", ",2,left,", StringComparison.Ordinal), 2, "wearposition 'left' is not a whole-number code" },
        { Header + Row.Replace("Electrocardiogram", "Stethoscope", StringComparison.Ordinal), 2, "the recording is of type 'Stethoscope', not 'Electrocardiogram'" },
        { Header + Row + "\n" + Row.Replace("7,-2", "7,-2z", StringComparison.Ordinal), 4, "sample 6 of the signal field, '-2z', is not an integer" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_files_give_a_format_error_with_the_line_and_what_was_wrong(string text, int line, string reason)
    {
        var error = Assert.Throws<EcgFormatException>(() => ReadText(text));

        Assert.Equal("signal.csv", Path.GetFileName(error.Source));
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Header, "the file holds a header but no recordings")]
    [InlineData("\n\n", "the file is empty")]
    public void Files_without_recordings_give_a_format_error(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<EcgFormatException>(() => ReadText(text)).Reason, StringComparison.Ordinal);

    [Fact(Timeout = 120_000)]
    public async Task Mutated_genuine_export_gives_a_record_or_a_format_error()
    {
        var original = await File.ReadAllBytesAsync(GenuineFile, TestContext.Current.CancellationToken);

        var (read, rejected) = await Task.Run(() =>
            MutationFuzzer.Run(reader, original, "signal.csv", EcgReadOptions.Default, seed: 20230725, iterations: 300, isText: true));

        TestContext.Current.TestOutputHelper?.WriteLine($"{read} mutants read, {rejected} rejected with EcgFormatException.");
        Assert.True(read > 0 && rejected > 0, $"{read} read, {rejected} rejected: the mutations should produce both.");
    }

    private EcgRecord ReadText(string text) => reader.Read(Write(text, "signal.csv"), EcgReadOptions.Default);

    private static string Write(string text, string name, bool bom = false)
    {
        var path = Path.Combine(TestData.TempFolder(), name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }
}
