using EcgScope.Core;
using EcgScope.Formats.Kardia;
using EcgScope.Testing;
using static EcgScope.Formats.Tests.Kardia.AtcFiles;

namespace EcgScope.Formats.Tests.Kardia;

/// <summary>Generated ATC files covering the corners of AliveCor's specification 1.7.</summary>
public sealed class KardiaEdgeCaseTests
{
    private static readonly (string, byte[]) Format300 = ("fmt ", Fmt());

    private static KardiaFile Parse(byte[] file) => KardiaFile.Parse(file, "test.atc");

    private static EcgFormatException Refused(byte[] file) => Assert.Throws<EcgFormatException>(() => Parse(file));

    [Fact]
    public void Twelve_leads_come_in_lead_order_at_the_rate_and_resolution_of_the_fmt_block()
    {
        string[] ids = ["ecg ", "ecg2", "ecg3", "ecg4", "ecg5", "ecg6", "ecg7", "ecg8", "ecg9", "ecga", "ecgb", "ecgc"];
        // Blocks stored in reverse lead order, fmt after the leads: order in the file does not matter.
        var blocks = ids.Select((id, i) => (id, Samples((short)(i + 1), (short)-(i + 1)))).Reverse()
            .Append(("fmt ", Fmt(rate: 500, resolutionNanovolts: 1000)));

        var record = KardiaReader.ToRecord(Parse(File(5, [.. blocks])));

        Assert.Equal(["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"], record.LeadNames);
        Assert.Equal(500, record.SamplingRate.Hertz);
        Assert.Equal([0.012, -0.012], record.Leads[11].SamplesMillivolts);
        Assert.Null(record.StartTime);
        Assert.Equal("5", record.Metadata.Properties[KardiaReader.VersionProperty]);
    }

    [Fact]
    public void Unknown_and_unused_blocks_are_skipped_but_still_checked()
    {
        byte[] acceleration = [.. new byte[4], .. new byte[20]];
        var file = File(5, ("acc ", acceleration), Format300, ("zzz9", [1, 2, 3]), ("ecg ", Samples(1, 2)));

        var record = KardiaReader.ToRecord(Parse(file));

        Assert.Equal(2, record.SampleCount);
        Assert.Equal("'acc ', 'zzz9'", record.Metadata.Properties[KardiaReader.SkippedBlocksProperty]);

        file[12 + 8 + 5]++; // a byte of the acceleration data: its checksum no longer matches
        Assert.Equal(12, Refused(file).ByteOffset);
    }

    [Theory]
    [InlineData(0, 0, "does not start with")]
    [InlineData(11, 0, "does not start with")]
    [InlineData(20, 12, "ends inside a block header: 8 bytes left")]
    [InlineData(31, 16, "declares 8 bytes of data but only 7 remain")]
    [InlineData(40, 32, "ends inside a block header")]
    [InlineData(47, 36, "declares 4 bytes of data but only 3 remain")]
    public void Truncated_files_name_the_byte(int keep, long offset, string reason)
    {
        // 12-byte file header, fmt block at 12 (8 + 8 + 4 bytes), 'ecg ' block at 32 (8 + 4 + 4 bytes) to 48.
        var file = File(3, Format300, ("ecg ", Samples(1, 2)))[..keep];

        var error = Refused(file);

        Assert.Equal(offset, error.ByteOffset);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ecg2", new byte[] { 1, 2, 3 }, 52, "needs a positive even length")]
    [InlineData("ecg2", new byte[0], 52, "needs a positive even length")]
    [InlineData("ann ", new byte[] { 44, 1, 0, 0, 9, 0, 0, 0, 1 }, 52, "must be 4 + 6 per annotation")]
    [InlineData("ann ", new byte[] { 0, 0, 0, 0 }, 56, "tick frequency is 0")]
    [InlineData("ecg2", new byte[] { 1, 0, 2, 0, 3, 0 }, 48, "lead II has 3 samples but lead I has 2")]
    [InlineData("ecg ", new byte[] { 1, 0, 2, 0 }, 48, "a second 'ecg ' block")]
    public void Wrong_lengths_and_contents_of_data_blocks_are_refused_at_their_offset(string id, byte[] data, long offset, string reason)
    {
        // fmt at 12, 'ecg ' (2 samples) at 32, the block under test at 48: its length field at 52, its data at 56.
        var file = File(3, Format300, ("ecg ", Samples(1, 2)), (id, data));

        var error = Refused(file);

        Assert.Equal(offset, error.ByteOffset);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 44, 1 }, "at least 6 are needed")]
    [InlineData(new byte[] { 2, 44, 1, 244, 1, 0, 0, 0 }, "ECG format 2 is not supported")]
    [InlineData(new byte[] { 1, 0, 0, 244, 1, 0, 0, 0 }, "must be above 0")]
    [InlineData(new byte[] { 1, 44, 1, 0, 0, 0, 0, 0 }, "must be above 0")]
    public void A_bad_fmt_block_is_refused(byte[] fmt, string reason)
    {
        var error = Refused(File(3, ("fmt ", fmt), ("ecg ", Samples(1))));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.InRange(error.ByteOffset!.Value, 20, 21);
    }

    [Fact]
    public void Without_fmt_or_ecg_blocks_the_file_is_refused()
    {
        Assert.Contains("no 'fmt ' block", Refused(File(3, ("ecg ", Samples(1)))).Message, StringComparison.Ordinal);
        Assert.Contains("no ECG data block", Refused(File(3, Format300, ("avg ", Samples(1)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Beat_types_map_to_PhysioNet_codes_in_time_order_at_the_tick_frequency()
    {
        // 1000 ticks per second, 300 Hz: tick t is sample round(0.3 t). Stored out of order; the last lies after the end.
        var beats = Annotations(1000, (2000, 1), (0, 0), (1000, 2), (3000, 3), (4000, 4), (5000, 5), (6000, 6), (7000, 9), (40000, 1));
        var file = File(3, Format300, ("ecg ", Samples(new short[3000])), ("ann ", beats));

        var record = KardiaReader.ToRecord(Parse(file));

        Assert.Equal([0, 300, 600, 900, 1200, 1500, 1800, 2100], record.Annotations.Select(a => a.SampleIndex));
        Assert.Equal(["Q", "V", "N", "A", "F", "J", "/", "Q"], record.Annotations.Select(a => a.Symbol));
        Assert.Equal("Kardia beat type 9", record.Annotations[^1].AuxNote);
        Assert.Equal("1 annotated beats after the last sample, left out", record.Metadata.Properties[KardiaReader.AnnotationsAfterEndProperty]);
    }

    [Fact]
    public void Identifiers_in_the_info_block_are_never_kept()
    {
        var info = Info("2021-07-22T09:30:00Z", "UUID-0001-SECRET", "UDID-PHONE-SECRET", "Pixel 5 : Android 12", "Kardia 5.20", "triangle hw1.2.3 fw4.5.6", "SN=AC6L999999,BAT=55");
        var file = File(5, ("info", info), Format300, ("ecg ", Samples(1, 2)));

        var record = KardiaReader.ToRecord(Parse(file));

        Assert.Equal(new DateTimeOffset(2021, 7, 22, 9, 30, 0, TimeSpan.Zero), record.StartTime);
        Assert.Equal(("triangle hw1.2.3 fw4.5.6", "Kardia 5.20"), (record.Metadata.Device, record.Metadata.Software));
        Assert.Equal("Pixel 5 : Android 12", record.Metadata.Properties[KardiaReader.PhoneProperty]);
        var kept = string.Join("|", record.Metadata.Properties.Keys.Concat(record.Metadata.Properties.Values).Concat(record.Metadata.Comments));
        Assert.DoesNotContain("SECRET", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("AC6L999999", kept, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-12-08T15:54:23.245+10:00", "2010-12-08T15:54:23.2450000+10:00")]
    [InlineData("2018-10-10T11:13:11-0700", "2018-10-10T11:13:11.0000000-07:00")]
    [InlineData("2012-04-03T14:17:43-7:00", "2012-04-03T14:17:43.0000000-07:00")]
    [InlineData("2012-04-03T14:17:43", "2012-04-03T14:17:43.0000000+00:00")]
    [InlineData("yesterday", null)]
    [InlineData("2012-13-03T14:17:43Z", null)]
    [InlineData("2012-04-03T14:17:43+15:00", null)]
    public void Recording_dates_are_read_in_the_forms_genuine_files_use(string stored, string? expected)
    {
        var info = Info(stored, "", "", "", "", "", "");
        var record = KardiaReader.ToRecord(Parse(File(3, ("info", info), Format300, ("ecg ", Samples(1)))));

        Assert.Equal(expected, record.StartTime?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null ? stored : null, record.Metadata.Properties.GetValueOrDefault(KardiaReader.RecordedProperty));
    }

    [Fact]
    public void Median_beats_are_told_apart_from_average_beats()
    {
        var file = File(5, Format300, ("ecg ", Samples(1, 2)), ("ecg2", Samples(3, 4)), ("med2", Samples(5, 6, 7)), ("avg ", Samples(8)));

        var parsed = Parse(file);

        Assert.Equal([("II", KardiaBeatTemplateKind.Median), ("I", KardiaBeatTemplateKind.Average)], parsed.BeatTemplates.Select(t => (t.Lead, t.Kind)));
        Assert.Equal("median beat of II (3 samples each); average beat of I (1 samples each)",
            KardiaReader.ToRecord(parsed).Metadata.Properties[KardiaReader.TemplatesProperty]);
    }

    [Fact]
    public void The_file_is_recognised_by_its_content_whatever_its_name()
    {
        var path = Path.Combine(TestData.TempFolder(), "export.bin");
        System.IO.File.WriteAllBytes(path, File(3, Format300, ("ecg ", Samples(1, 2))));

        Assert.IsType<KardiaReader>(EcgFile.Detect(path));
        Assert.Equal("Kardia ATC", EcgFile.Read(path).Metadata.SourceFormat);
    }
}
