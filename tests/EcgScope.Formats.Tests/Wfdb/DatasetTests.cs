using EcgScope.Core;
using EcgScope.Formats.Wfdb;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>Every PTB-XL and LUDB record in the data folder, read with checksums verified.</summary>
public sealed class DatasetTests
{
    private static readonly string[] LudbLeads = ["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"];

    [Theory]
    [InlineData("records100", 100, 1000)]
    [InlineData("records500", 500, 5000)]
    public void Every_PTB_XL_record_reads_12_leads_with_unsigned_checksums_verified(string folder, double hertz, int samples)
    {
        var headers = Directory.GetFiles(TestData.File("ptbxl", folder), "*.hea", SearchOption.AllDirectories);
        Assert.NotEmpty(headers);

        foreach (var header in headers)
        {
            var record = EcgFile.Read(header);

            Assert.Equal(12, record.Leads.Length);
            Assert.Equal(hertz, record.SamplingRate.Hertz);
            Assert.Equal(samples, record.SampleCount);
            Assert.Equal("12 of 12 verified", record.Metadata.Properties[WfdbReader.ChecksumsProperty]);
            Assert.Equal(["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"], record.LeadNames);
        }

        // PTB-XL writes checksums unsigned (0 to 65535): make sure the data really exercises that case.
        var anyUnsigned = headers.SelectMany(h => WfdbHeaderParser.Parse(h).Signals).Any(s => s.Checksum > short.MaxValue);
        Assert.True(anyUnsigned);
    }

    [Fact]
    public void Every_LUDB_record_reads_12_leads_and_its_per_lead_annotations()
    {
        var root = TestData.Require("ludb");
        var names = File.ReadAllLines(Path.Combine(root, "RECORDS")).Where(n => n.Length > 0).ToList();
        Assert.Equal(200, names.Count);

        foreach (var name in names)
        {
            var headerPath = Path.Combine(root, name + ".hea");
            var record = EcgFile.Read(headerPath);

            Assert.Equal(12, record.Leads.Length);
            Assert.Equal(500, record.SamplingRate.Hertz);
            Assert.Equal(5000, record.SampleCount);
            Assert.Equal("12 of 12 verified", record.Metadata.Properties[WfdbReader.ChecksumsProperty]);
            Assert.Equal(LudbLeads, record.LeadNames);
            Assert.Contains(record.Metadata.Comments, c => c.StartsWith("<age>:", StringComparison.Ordinal));
            for (var lead = 0; lead < LudbLeads.Length; lead++)
            {
                var annotations = WfdbReader.ReadAnnotations(headerPath, LudbLeads[lead]);

                Assert.NotEmpty(annotations);
                Assert.All(annotations, a => Assert.Equal(lead, a.Channel));
                Assert.All(annotations, a => Assert.InRange(a.SampleIndex, 0, record.SampleCount - 1));
                // LUDB delineates P, QRS and T waves with onset "(" and offset ")" around each peak.
                Assert.Contains(annotations, a => a.Code == AnnotationCode.WaveformOnset);
                Assert.Contains(annotations, a => a.Code == AnnotationCode.WaveformOffset);
                Assert.Contains(annotations, a => a.Code == AnnotationCode.Normal || a.Code == AnnotationCode.TWave);
            }
        }
    }

    [Fact]
    public void Reading_a_LUDB_record_with_a_lead_annotator_attaches_that_leads_annotations()
    {
        var path = TestData.File("ludb", "data", "1.hea");

        var record = EcgFile.Read(path, new EcgReadOptions { AnnotationExtension = "v2" });

        Assert.Equal(WfdbReader.ReadAnnotations(path, "v2"), record.Annotations);
        Assert.All(record.Annotations, a => Assert.Equal(7, a.Channel));
    }

    [Fact]
    public void LUDB_record_1_lead_ii_opens_with_a_delineated_QRS()
    {
        var annotations = WfdbReader.ReadAnnotations(TestData.File("ludb", "data", "1"), "ii");

        // Figures from an independent decoder of annot(5) run over data/1.ii: "(" 644, "N" 662, ")" 682.
        Assert.Equal(new Annotation(644, AnnotationCode.WaveformOnset, Channel: 1), annotations[0]);
        Assert.Equal(new Annotation(662, AnnotationCode.Normal, Channel: 1), annotations[1]);
        Assert.Equal(new Annotation(682, AnnotationCode.WaveformOffset, Channel: 1), annotations[2]);
    }
}
