using EcgScope.Core;
using EcgScope.Formats.Wfdb;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>The whole MIT-BIH Arrhythmia Database: format 212, two signals, .atr reference annotations.</summary>
public sealed class MitBihTests
{
    /// <summary>
    /// Beats per record from PhysioNet's MIT-BIH Arrhythmia Database Directory (the "Total" of each record's beat
    /// table; https://physionet.org/physiobank/database/html/mitdbdir/records.htm). Beats are WFDB's isqrs codes.
    /// </summary>
    public static TheoryData<string, int> PublishedBeatCounts => new()
    {
        { "100", 2273 }, { "101", 1865 }, { "102", 2187 }, { "103", 2084 }, { "104", 2229 }, { "105", 2572 },
        { "106", 2027 }, { "107", 2137 }, { "108", 1763 }, { "109", 2532 }, { "111", 2124 }, { "112", 2539 },
        { "113", 1795 }, { "114", 1879 }, { "115", 1953 }, { "116", 2412 }, { "117", 1535 }, { "118", 2278 },
        { "119", 1987 }, { "121", 1863 }, { "122", 2476 }, { "123", 1518 }, { "124", 1619 }, { "200", 2601 },
        { "201", 1963 }, { "202", 2136 }, { "203", 2980 }, { "205", 2656 }, { "207", 1860 }, { "208", 2955 },
        { "209", 3005 }, { "210", 2650 }, { "212", 2748 }, { "213", 3251 }, { "214", 2262 }, { "215", 3363 },
        { "217", 2208 }, { "219", 2154 }, { "220", 2048 }, { "221", 2427 }, { "222", 2483 }, { "223", 2605 },
        { "228", 2053 }, { "230", 2256 }, { "231", 1571 }, { "232", 1780 }, { "233", 3079 }, { "234", 2753 },
    };

    [Theory]
    [MemberData(nameof(PublishedBeatCounts))]
    public void Every_record_reads_with_verified_checksums_and_the_published_beat_count(string name, int beats)
    {
        var record = EcgFile.Read(TestData.File("mitdb", name + ".hea"));

        Assert.Equal(2, record.Leads.Length);
        Assert.Equal(360, record.SamplingRate.Hertz);
        Assert.Equal(650000, record.SampleCount);
        Assert.Equal("WFDB", record.Metadata.SourceFormat);
        Assert.Equal("2 of 2 verified", record.Metadata.Properties[WfdbReader.ChecksumsProperty]);
        Assert.Equal(beats, record.Annotations.Count(a => a.IsBeat));
        Assert.All(record.Leads, lead => Assert.DoesNotContain(lead.SamplesMillivolts, double.IsNaN));
        Assert.True(record.Annotations.Select(a => a.SampleIndex).SequenceEqual(record.Annotations.Select(a => a.SampleIndex).Order()));
        Assert.InRange(record.Annotations[^1].SampleIndex, 0, record.SampleCount - 1);
    }

    [Fact]
    public void Record_100_matches_its_header_and_known_values()
    {
        var record = EcgFile.Read(TestData.File("mitdb", "100.hea"));

        Assert.Equal(["MLII", "V5"], record.LeadNames);
        // The header's initial values are 995 and 1011 with baseline 1024 and gain 200/mV.
        Assert.Equal(-0.145, record.Leads[0].SamplesMillivolts[0]);
        Assert.Equal(-0.065, record.Leads[1].SamplesMillivolts[0]);
        Assert.Equal(["69 M 1085 1629 x1", "Aldomet, Inderal"], record.Metadata.Comments);
        Assert.Equal(2274, record.Annotations.Length);
        Assert.Equal(2273, record.Annotations.Count(a => a.IsBeat));
        // The file opens with a rhythm annotation "(N" at sample 18, then the first beat at 77.
        Assert.Equal(new Annotation(18, AnnotationCode.Rhythm, AuxNote: "(N"), record.Annotations[0]);
        Assert.Equal(new Annotation(77, AnnotationCode.Normal), record.Annotations[1]);
        Assert.Null(record.StartTime);
    }

    [Fact]
    public void Paced_record_107_has_paced_beats_and_207_has_flutter_markers()
    {
        var paced = EcgFile.Read(TestData.File("mitdb", "107.hea"));
        var flutter = EcgFile.Read(TestData.File("mitdb", "207.hea"));

        Assert.True(paced.Annotations.Count(a => a.Code == AnnotationCode.Paced) > 1000);
        Assert.Contains(flutter.Annotations, a => a.Code == AnnotationCode.VentricularFlutterOnset);
        Assert.Contains(flutter.Annotations, a => a.Code == AnnotationCode.FlutterWave);
    }

    [Fact]
    public void A_dat_path_reads_the_same_record_as_its_header()
    {
        var fromHeader = EcgFile.Read(TestData.File("mitdb", "101.hea"));
        var fromData = EcgFile.Read(TestData.File("mitdb", "101.dat"));

        Assert.Equal(fromHeader.Leads[1].SamplesMillivolts, fromData.Leads[1].SamplesMillivolts);
        Assert.Equal(fromHeader.Annotations, fromData.Annotations);
    }

    [Fact]
    public void Another_annotator_extension_can_be_chosen()
    {
        var path = TestData.File("mitdb", "100.hea");

        var record = EcgFile.Read(path, new EcgReadOptions { AnnotationExtension = "none" });

        Assert.Empty(record.Annotations);
        Assert.Equal(2274, WfdbReader.ReadAnnotations(path, "atr").Length);
    }
}
