using System.Globalization;
using System.Text;
using EcgScope.Core;
using EcgScope.Formats.Edf;
using EcgScope.Testing;
using EcgScope.Formats.Tests.Csv;

namespace EcgScope.Formats.Tests.Edf;

public sealed class EdfReaderTests
{
    private readonly EdfReader reader = new();

    /// <summary>Two ECG leads at 256 per record, two signals the reader must drop, and an annotation signal.</summary>
    private static EdfTestFile MixedRates(string reserved = "EDF+C", Func<int, string>? annotations = null) => new(
        [
            new EdfTestSignal("ECG I", 256),
            new EdfTestSignal("ECG II", 256) { Dimension = "mV", PhysicalMinimum = "-10", PhysicalMaximum = "10", DigitalMinimum = "-2000", DigitalMaximum = "2000" },
            new EdfTestSignal("Pleth", 128) { Dimension = "%", PhysicalMinimum = "0", PhysicalMaximum = "100" },
            new EdfTestSignal("ECG V1", 128),
            new EdfTestSignal("EDF Annotations", 30) { Annotations = annotations ?? (r => EdfTestFile.Tal(r)) },
        ],
        Records: 3)
    { Reserved = reserved };

    [Fact]
    public void Reads_leads_at_the_most_common_rate_and_names_what_it_dropped()
    {
        var path = MixedRates().WriteTo(TestData.TempFolder());

        Assert.IsType<EdfReader>(EcgFile.Detect(path));
        var record = EcgFile.Read(path);

        Assert.Equal(["ECG I", "ECG II"], record.LeadNames);
        Assert.Equal(256.0, record.SamplingRate.Hertz);
        Assert.Equal(3 * 256, record.SampleCount);
        // ECG I: 0.1 uV per step, digital (r * 100 + i): record 2, sample 7 is 20.7 uV.
        Assert.Equal(0.0207, record.Leads[0].SamplesMillivolts[(2 * 256) + 7], 12);
        // ECG II: 20 mV over 4000 steps, physical = (d + 2000) * 0.005 - 10.
        Assert.Equal(((107 + 2000) * 0.005) - 10, record.Leads[1].SamplesMillivolts[256 + 7], 12);
        Assert.Equal("Pleth: unit '%' is not a voltage; ECG V1: 128 samples per record, the leads have 256",
            record.Metadata.Properties["Dropped signals"]);
        Assert.Equal(EdfReader.FormatPlus, record.Metadata.SourceFormat);
        Assert.Equal(new DateTimeOffset(2002, 3, 2, 10, 20, 30, TimeSpan.Zero), record.StartTime);
        Assert.Equal("Telemetry03", record.Metadata.Device);
        Assert.Equal("HP:0.05Hz LP:150Hz", record.Metadata.Properties["ECG I prefiltering"]);
    }

    [Fact]
    public void Never_stores_the_patient_field()
    {
        var record = EcgFile.Read(MixedRates().WriteTo(TestData.TempFolder()));

        var everything = string.Join("|", record.Metadata.Properties.Values.Concat(record.Metadata.Comments)) + record.Metadata.Device;
        Assert.DoesNotContain("Haagse", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("1951", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_become_notes_at_their_sample_and_comments()
    {
        var file = MixedRates(annotations: r => r switch
        {
            0 => EdfTestFile.Tal(0) + EdfTestFile.Tal(0.5, 1.5, "Recording starts"),
            1 => EdfTestFile.Tal(1) + EdfTestFile.Tal(1.25, "Arousal", "Snore"),
            _ => EdfTestFile.Tal(2),
        });

        var record = EcgFile.Read(file.WriteTo(TestData.TempFolder()));

        Assert.Equal([(128, "Recording starts"), (320, "Arousal"), (320, "Snore")],
            record.Annotations.Select(a => (a.SampleIndex, a.AuxNote!)));
        Assert.All(record.Annotations, a => Assert.Equal(AnnotationCode.Note, a.Code));
        Assert.Equal(["0.5 s (for 1.5 s): Recording starts", "1.25 s: Arousal", "1.25 s: Snore"], record.Metadata.Comments);
    }

    [Fact]
    public void Discontinuous_file_joins_records_and_lists_its_gaps()
    {
        double[] starts = [0, 1, 5];
        var file = MixedRates("EDF+D", r => EdfTestFile.Tal(starts[r]) + (r == 2 ? EdfTestFile.Tal(5.5, "after the gap") : string.Empty));

        var record = EcgFile.Read(file.WriteTo(TestData.TempFolder()));

        Assert.Equal(3 * 256, record.SampleCount);
        Assert.Equal("at sample 512: 3 s", record.Metadata.Properties["Gaps"]);
        Assert.Equal(512 + 128, Assert.Single(record.Annotations).SampleIndex);
    }

    [Fact]
    public void First_record_time_keeping_shifts_the_start_time()
    {
        var file = MixedRates(annotations: r => EdfTestFile.Tal(r + 0.25) + (r == 0 ? EdfTestFile.Tal(0.5, "half a second in") : string.Empty));

        var record = EcgFile.Read(file.WriteTo(TestData.TempFolder()));

        Assert.Equal(new DateTimeOffset(2002, 3, 2, 10, 20, 30, 250, TimeSpan.Zero), record.StartTime);
        Assert.Equal(64, Assert.Single(record.Annotations).SampleIndex);
        Assert.False(record.Metadata.Properties.ContainsKey("Gaps"));
    }

    [Fact]
    public void Discontinuous_file_without_time_keeping_is_an_error()
    {
        var file = new EdfTestFile([new EdfTestSignal("ECG", 10)], 2) { Reserved = "EDF+D" };

        var error = Assert.Throws<EcgFormatException>(() => reader.Read(file.WriteTo(TestData.TempFolder()), EcgReadOptions.Default));

        Assert.Contains("EDF+D", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_records_are_an_error_at_the_record()
    {
        var file = MixedRates("EDF+D", r => EdfTestFile.Tal(r == 2 ? 1.5 : r));

        var error = Assert.Throws<EcgFormatException>(() => reader.Read(file.WriteTo(TestData.TempFolder()), EcgReadOptions.Default));

        Assert.Equal(RecordOffset(file, 2), error.ByteOffset);
    }

    [Theory]
    [InlineData("01.01.85", "Startdate X X X X", 1985)]
    [InlineData("31.12.84", "Startdate X X X X", 2084)]
    [InlineData("02.03.yy", "Startdate 02-MAR-2090 X X X", 2090)]
    public void Start_date_follows_the_clipping_rule_and_the_edf_plus_startdate(string date, string recording, int year)
    {
        var file = MixedRates() with { StartDate = date, Recording = recording };

        Assert.Equal(year, EcgFile.Read(file.WriteTo(TestData.TempFolder())).StartTime!.Value.Year);
    }

    [Fact]
    public void A_physical_range_that_overflows_to_infinite_millivolts_is_a_format_error()
    {
        var file = new EdfTestFile([new EdfTestSignal("MLII", 4) { Dimension = "V", PhysicalMinimum = "-1e308", PhysicalMaximum = "1e308" }], 2);

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(file.WriteTo(TestData.TempFolder())));

        Assert.Contains("'MLII'", error.Message, StringComparison.Ordinal);
        Assert.Contains("finite millivolts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_edf_keeps_the_recording_field_and_stated_fractional_rate()
    {
        var file = new EdfTestFile([new EdfTestSignal("MLII", 1) { Dimension = "V", PhysicalMinimum = "-1", PhysicalMaximum = "1", DigitalMinimum = "-1000", DigitalMaximum = "1000" }], 5)
        {
            Reserved = string.Empty,
            Recording = "MIT-BIH 100",
            Duration = "0.002778",
        };

        var record = EcgFile.Read(file.WriteTo(TestData.TempFolder()));

        Assert.Equal(1 / 0.002778, record.SamplingRate.Hertz, 1e-9);
        Assert.Equal(EdfReader.Format, record.Metadata.SourceFormat);
        Assert.Equal("MIT-BIH 100", record.Metadata.Properties["Recording"]);
        Assert.Equal([0, 100, 200, 300, 400], record.Leads[0].SamplesMillivolts.Select(Math.Round));
    }

    public static TheoryData<string, long> MalformedFields => new()
    {
        { "version", 0 },
        { "header bytes", 184 },
        { "records -1", 236 },
        { "records 0", 236 },
        { "duration", 244 },
        { "signal count", 252 },
        { "start date", 168 },
        { "start time", 176 },
        { "physical minimum of signal 2", 256 + (2 * (16 + 80 + 8)) + 8 },
        { "digital maximum of signal 1", 256 + (2 * (16 + 80 + 8 + 8 + 8 + 8)) },
        { "samples per record of signal 2", 256 + (2 * (16 + 80 + 8 + 8 + 8 + 8 + 8 + 80)) + 8 },
    };

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public void Malformed_header_fields_are_reported_at_their_byte_offset(string field, long offset)
    {
        EdfTestSignal[] signals = [new EdfTestSignal("ECG I", 4), new EdfTestSignal("ECG II", 4)];
        var file = new EdfTestFile(signals, 2);
        file = field switch
        {
            "version" => file with { Version = "1" },
            "header bytes" => file with { HeaderBytes = "512" },
            "records -1" => file with { RecordCount = "-1" },
            "records 0" => file with { RecordCount = "0" },
            "duration" => file with { Duration = "1,5" },
            "signal count" => file with { Signals = signals },
            "start date" => file with { StartDate = "32.01.02" },
            "start time" => file with { StartTime = "10:20:30" },
            "physical minimum of signal 2" => file with { Signals = [signals[0], signals[1] with { PhysicalMinimum = "low" }] },
            "digital maximum of signal 1" => file with { Signals = [signals[0] with { DigitalMaximum = "-40000" }, signals[1]] },
            _ => file with { Signals = [signals[0], signals[1] with { SamplesField = "0" }] },
        };
        var bytes = file.Build();
        if (field == "signal count")
        {
            Encoding.ASCII.GetBytes("two ").CopyTo(bytes, 252);
        }

        var path = Path.Combine(TestData.TempFolder(), "bad.edf");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<EcgFormatException>(() => reader.Read(path, EcgReadOptions.Default));
        Assert.Equal(offset, error.ByteOffset);
        Assert.Contains($"byte {offset}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_data_is_an_error_at_the_first_incomplete_record()
    {
        var file = MixedRates();
        var bytes = file.Build();
        var path = Path.Combine(TestData.TempFolder(), "cut.edf");
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<EcgFormatException>(() => reader.Read(path, EcgReadOptions.Default));

        Assert.Equal(RecordOffset(file, 2), error.ByteOffset);
        Assert.Contains("data record 3 of 3 is cut off", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_annotation_list_is_an_error_at_its_byte()
    {
        var file = MixedRates(annotations: r => r == 1 ? "+1\u0014\u0014\0+x\u0014oops\u0014\0" : EdfTestFile.Tal(r));

        var error = Assert.Throws<EcgFormatException>(() => reader.Read(file.WriteTo(TestData.TempFolder()), EcgReadOptions.Default));

        var annotationStart = RecordOffset(file, 1) + (2 * (256 + 256 + 128 + 128));
        Assert.Equal(annotationStart + 5, error.ByteOffset);
    }

    [Fact]
    public void Absurd_time_keeping_onset_is_an_error_not_a_date_overflow()
    {
        var file = MixedRates(annotations: r => EdfTestFile.Tal(300_000_000_000 + r));

        var error = Assert.Throws<EcgFormatException>(() => reader.Read(file.WriteTo(TestData.TempFolder()), EcgReadOptions.Default));

        Assert.Contains("not a plausible number of seconds", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_without_a_voltage_signal_is_an_error()
    {
        var file = new EdfTestFile([new EdfTestSignal("Temp", 1) { Dimension = "degC" }], 1);

        Assert.Contains("no signal has a voltage unit",
            Assert.Throws<EcgFormatException>(() => reader.Read(file.WriteTo(TestData.TempFolder()), EcgReadOptions.Default)).Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Recognises_edf_by_its_header_only()
    {
        var bytes = MixedRates().Build();

        Assert.True(reader.CanRead("x.bin", bytes.AsSpan(0, 4096)));
        Assert.False(reader.CanRead("x.edf", "time,I\n0,1\n"u8));
        Assert.False(reader.CanRead("x.edf", bytes.AsSpan(0, 100)));
    }

    [Fact]
    public void Reads_mit_bih_record_100_as_converted_by_biosig_save2gdf()
    {
        var mitdb = TestData.Require("mitdb");
        var edf = Save2Gdf.ConvertToEdf(Path.Combine(mitdb, "100.hea"));
        var bytes = File.ReadAllBytes(edf);
        var statedDuration = double.Parse(Encoding.ASCII.GetString(bytes, 244, 8), CultureInfo.InvariantCulture);

        var record = EcgFile.Read(edf);

        Assert.Equal(["MLII", "V5"], record.LeadNames);
        Assert.Equal(650000, record.SampleCount);
        Assert.Equal(1 / statedDuration, record.SamplingRate.Hertz, 1e-9);
        Assert.Equal(359.97, record.SamplingRate.Hertz, 0.01);
        Assert.NotEqual(360.0, record.SamplingRate.Hertz);
        var quantum = (1.435 + 2.715) / 65534;
        Assert.Equal(-0.145, record.Leads[0].SamplesMillivolts[0], quantum);
        Assert.Equal(-0.065, record.Leads[1].SamplesMillivolts[0], quantum);

        // Every sample against the MIT format 212 source, decoded here independently (gain 200, baseline 1024).
        var mit = MitFormat212.ReadTwoSignals(Path.Combine(mitdb, "100.dat"));
        for (var lead = 0; lead < 2; lead++)
        {
            var samples = record.Leads[lead].Span;
            for (var i = 0; i < samples.Length; i++)
            {
                Assert.True(Math.Abs(samples[i] - ((mit[lead][i] - 1024) / 200.0)) <= quantum, $"lead {lead}, sample {i}");
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Mutated_files_give_a_record_or_a_format_error()
    {
        var original = MixedRates(annotations: r => EdfTestFile.Tal(r) + EdfTestFile.Tal(r + 0.5, 0.25, "event " + r)).Build();

        var (read, rejected) = await Task.Run(() =>
            MutationFuzzer.Run(reader, original, "fuzz.edf", EcgReadOptions.Default, seed: 1992, iterations: 600, isText: false));

        TestContext.Current.TestOutputHelper?.WriteLine($"{read} mutants read, {rejected} rejected with EcgFormatException.");
        Assert.True(read > 0 && rejected > 0, $"{read} read, {rejected} rejected: the mutations should produce both.");
    }

    [Fact(Timeout = 120_000)]
    public async Task Extreme_values_in_numeric_header_fields_give_a_record_or_a_format_error()
    {
        string[] nasty = ["-1", "0", "1", "-0", "99999999", "-9999999", "1e308", "-1e308", "1E-300", "NaN", "Infinity", "", "+5", "0.000001", "2147483647", "-2147483648", "32767", "-32768", "1.5", "yy"];
        var original = MixedRates(annotations: r => EdfTestFile.Tal(r) + EdfTestFile.Tal(r + 0.5, "x")).Build();
        var signals = 5;
        // (offset, width) of every numeric field: the fixed part, then per signal pmin, pmax, dmin, dmax, samples.
        var fields = new List<(int Offset, int Width)> { (168, 8), (176, 8), (184, 8), (236, 8), (244, 8), (252, 4) };
        foreach (var (start, width) in new[] { (16 + 80 + 8, 8), (16 + 80 + 16, 8), (16 + 80 + 24, 8), (16 + 80 + 32, 8), (16 + 80 + 40 + 80, 8) })
        {
            fields.AddRange(Enumerable.Range(0, signals).Select(i => (256 + (signals * start) + (i * width), width)));
        }

        var random = new Random(2003);
        var path = Path.Combine(TestData.TempFolder(), "extreme.edf");
        var (read, rejected) = (0, 0);
        await Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var mutant = (byte[])original.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var (offset, width) = fields[random.Next(fields.Count)];
                    Encoding.ASCII.GetBytes(nasty[random.Next(nasty.Length)].PadRight(width)[..width]).CopyTo(mutant, offset);
                }

                File.WriteAllBytes(path, mutant);
                try
                {
                    reader.Read(path, EcgReadOptions.Default);
                    read++;
                }
                catch (EcgFormatException)
                {
                    rejected++;
                }
            }
        }, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"{read} read, {rejected} rejected with EcgFormatException.");
        Assert.True(read > 0 && rejected > 0, $"{read} read, {rejected} rejected: the mutations should produce both.");
    }

    private static long RecordOffset(EdfTestFile file, int record) =>
        (256 * (file.Signals.Count + 1)) + (record * file.Signals.Sum(s => 2L * s.SamplesPerRecord));
}
