using EcgScope.Core;
using EcgScope.Formats.Kardia;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Kardia;

/// <summary>
/// AliveCor's own test files (../shared/data/alivecor, read in place: they carry no licence). Expected samples were
/// worked out by hand from the bytes: for example 1_lead.atc's 'ecg ' block data starts at byte 316 with e3 03 1f 04,
/// little-endian int16 995 and 1055, times 500 nV = 0.4975 and 0.5275 mV.
/// </summary>
public sealed class KardiaSampleFileTests
{
    private static readonly string[] SixLeads = ["I", "II", "III", "aVR", "aVL", "aVF"];

    private static string Sample(string name) => TestData.File("alivecor", name);

    [Fact]
    public void One_lead_Android_recording_reads_with_its_info_and_beats()
    {
        var path = Sample("1_lead.atc");

        var record = EcgFile.Read(path);

        Assert.IsType<KardiaReader>(EcgFile.Detect(path));
        Assert.Equal(["I"], record.LeadNames);
        Assert.Equal(300, record.SamplingRate.Hertz);
        Assert.Equal(9000, record.SampleCount);
        Assert.Equal([0.4975, 0.5275, 0.512], record.Leads[0].SamplesMillivolts[..3]);
        Assert.Equal(-0.0895, record.Leads[0].SamplesMillivolts[^1], 12);
        Assert.Equal(new DateTimeOffset(2016, 6, 1, 18, 15, 25, 777, TimeSpan.FromHours(-4)), record.StartTime);
        Assert.Equal("Kardia ATC", record.Metadata.SourceFormat);
        Assert.Equal("19kHz 200Hz/mV", record.Metadata.Device);
        Assert.Equal("com.alivecor.aliveecg v4.1.1-dcd", record.Metadata.Software);
        var properties = record.Metadata.Properties;
        Assert.Equal("Android 6.0.1 (23) SM-N920P", properties[KardiaReader.PhoneProperty]);
        Assert.Equal("3", properties[KardiaReader.VersionProperty]);
        // Flags 46 = bits 1, 2, 3, 5.
        Assert.Equal("mains 60 Hz; applied: mains filter, low-pass filter, notch mains filter", properties[KardiaReader.FiltersProperty]);
        // 51 normal beats at 300 ticks per second; ticks 9025 and 9221 lie after the 9000th sample.
        Assert.Equal(49, record.Annotations.Length);
        Assert.All(record.Annotations, a => Assert.Equal(AnnotationCode.Normal, a.Code));
        Assert.Equal([3, 202, 398], record.Annotations.Take(3).Select(a => a.SampleIndex));
        Assert.Equal("2 annotated beats after the last sample, left out", properties[KardiaReader.AnnotationsAfterEndProperty]);
    }

    [Fact]
    public void Version_2_iPhone_recording_reads_without_keeping_the_phone_identifier()
    {
        var record = EcgFile.Read(Sample("normal-v2.atc"));

        Assert.Equal(["I"], record.LeadNames);
        Assert.Equal(9000, record.SampleCount);
        Assert.Equal([-0.041, -0.067, -0.0815], record.Leads[0].SamplesMillivolts[..3]);
        Assert.Equal(-0.1065, record.Leads[0].SamplesMillivolts[^1], 12);
        Assert.Equal(new DateTimeOffset(2012, 4, 3, 14, 17, 43, TimeSpan.FromHours(-7)), record.StartTime);
        Assert.Equal("AliveECG v1.6.9.354", record.Metadata.Software);
        Assert.Equal("2", record.Metadata.Properties[KardiaReader.VersionProperty]);
        Assert.Empty(record.Annotations);
        // The info block holds the phone's UDID and the recording's UUID: neither is kept anywhere.
        var kept = string.Join("|", record.Metadata.Properties.Values.Concat(record.Metadata.Comments)
            .Append(record.Metadata.Device).Append(record.Metadata.Software));
        Assert.DoesNotContain("ed632e3de657ddad3a4aa65f5a9e4d490c1208d0", kept, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1285733B", kept, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("6_lead.atc", 3, new[] { -632, 1416, 2048, -392, -1340, 1732 }, "mains 60 Hz; applied: none")]
    [InlineData("6_lead_ef.atc", 3, new[] { -112, -26, 86, 69, -99, 30 }, "mains 60 Hz; applied: 0.1 Hz baseline filter, notch mains filter")]
    [InlineData("6_lead_ab.atc", 4, new[] { -632, 1416, 2048, -392, -1340, 1732 }, "mains 60 Hz; applied: none")]
    public void Six_lead_recordings_read_every_lead(string name, int version, int[] firstSamples, string filters)
    {
        var record = EcgFile.Read(Sample(name));

        Assert.Equal(SixLeads, record.LeadNames);
        Assert.Equal(300, record.SamplingRate.Hertz);
        Assert.All(record.Leads, lead => Assert.Equal(9000, lead.Length));
        Assert.Equal(firstSamples.Select(value => value * 500 / 1e6), record.Leads.Select(lead => lead.SamplesMillivolts[0]));
        Assert.Equal(new DateTimeOffset(2018, 10, 10, 11, 13, 11, TimeSpan.FromHours(-7)), record.StartTime);
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Metadata.Properties[KardiaReader.VersionProperty]);
        Assert.Equal(filters, record.Metadata.Properties[KardiaReader.FiltersProperty]);
        // 38 beats of type 0 (unknown): unclassifiable beats, the first at tick 197, the last at 8982.
        Assert.Equal(38, record.Annotations.Length);
        Assert.All(record.Annotations, a => Assert.Equal(AnnotationCode.Unclassifiable, a.Code));
        Assert.Equal((197, 8982), (record.Annotations[0].SampleIndex, record.Annotations[^1].SampleIndex));
    }

    [Fact]
    public void Averaged_beats_are_kept_beside_the_raw_leads()
    {
        var withBeats = KardiaFile.Read(Sample("6_lead_ab.atc"));
        var record = EcgFile.Read(Sample("6_lead_ab.atc"));
        var plain = EcgFile.Read(Sample("6_lead.atc"));

        Assert.Equal([("I", KardiaBeatTemplateKind.Average), ("II", KardiaBeatTemplateKind.Average)], withBeats.BeatTemplates.Select(t => (t.Lead, t.Kind)));
        Assert.All(withBeats.BeatTemplates, t => Assert.Equal(450, t.SamplesMillivolts.Length));
        Assert.Equal([-0.01, -0.01], withBeats.BeatTemplates[0].SamplesMillivolts[..2]);
        Assert.Equal((0.012, -0.003), (withBeats.BeatTemplates[1].SamplesMillivolts[0], withBeats.BeatTemplates[1].SamplesMillivolts[^1]));
        Assert.Equal("average beat of I, II (450 samples each)", record.Metadata.Properties[KardiaReader.TemplatesProperty]);
        // The raw leads are the same as in the file without averaged beats.
        Assert.Equal(plain.Leads.Select(l => l.SamplesMillivolts), record.Leads.Select(l => l.SamplesMillivolts));
    }

    [Fact]
    public void A_broken_checksum_is_refused_with_the_block_and_its_offset()
    {
        // A copy of 1_lead.atc with bytes 15064 to 15066 of the 'ecg ' block (bytes 308 to 18319) changed.
        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(Sample("broken_checksum.atc")));

        Assert.Equal(308, error.ByteOffset);
        Assert.Contains("block 'ecg ' is damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("stored at byte 18316 is 2443837, the sum of the block's 18008 bytes is 2444044", error.Message, StringComparison.Ordinal);
    }
}
