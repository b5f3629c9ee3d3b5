using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Formats.Wfdb;
using TestData = EcgScope.Testing.TestData;
using FsCheck;
using FsCheck.Fluent;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>Write then read gives back the same record: real records and random ones (FsCheck).</summary>
public sealed class WfdbRoundTripTests
{
    [Theory]
    [InlineData("mitdb", "100.hea", 212, 200.0, 1024)]
    [InlineData("ptbxl", "records500/00000/00001_hr.hea", 16, 1000.0, 0)]
    public void A_real_record_written_with_its_own_calibration_reads_back_identical(string dataset, string file, int format, double gain, int baseline)
    {
        var original = EcgFile.Read(TestData.File(dataset, file));
        var path = Path.Combine(TestData.TempFolder(), "copy.hea");

        WfdbWriter.Write(original, path, new WfdbWriteOptions { Format = format, Gain = gain, Baseline = baseline });
        var copy = EcgFile.Read(path);

        AssertSameRecord(original, copy);
        Assert.Equal(original.Metadata.Comments, copy.Metadata.Comments);
        Assert.Equal($"{original.Leads.Length} of {original.Leads.Length} verified", copy.Metadata.Properties[WfdbReader.ChecksumsProperty]);
    }

    [Fact]
    public void Mit_bih_annotations_re_encode_to_the_same_bytes()
    {
        // MIT-BIH's writer stores "(N" with a trailing NUL (3 bytes); ours without, so compare decoded annotations and
        // also check that files without AUX text come back byte for byte.
        var path = TestData.File("mitdb", "232.atr");
        var annotations = MitAnnotationFile.Read(path);

        var decoded = MitAnnotationFile.Read(MitAnnotationFile.Encode(annotations), "re-encoded");

        Assert.Equal(annotations, decoded);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(212)]
    [InlineData(61)]
    [InlineData(80)]
    public void Random_records_round_trip_exactly(int format)
    {
        var property = Prop.ForAll(Arb.From(RandomRecord(format)), record =>
        {
            var path = Path.Combine(TestData.TempFolder(), "random.hea");
            WfdbWriter.Write(record.Record, path, new WfdbWriteOptions { Format = format, Gain = record.Gain, Baseline = record.Baseline });
            AssertSameRecord(record.Record, EcgFile.Read(path));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [Fact]
    public void Random_annotation_lists_round_trip_through_MIT_format()
    {
        var property = Prop.ForAll(Arb.From(RandomAnnotations()), annotations =>
        {
            var decoded = MitAnnotationFile.Read(MitAnnotationFile.Encode(annotations), "random");
            Assert.Equal(annotations, decoded);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void A_record_the_writer_refuses_leaves_no_files_behind()
    {
        var folder = TestData.TempFolder();
        var lead = EcgLead.FromOwnedArray("I", [0.1, 0.2, 0.3]);
        var badName = new EcgRecord([EcgLead.FromOwnedArray("II\nV1", [0.1, 0.2, 0.3])], new SamplingRate(250));
        var badAnnotation = new EcgRecord([lead], new SamplingRate(250)) { Annotations = [new Annotation(1, AnnotationCode.Normal, Number: 5000)] };

        Assert.Throws<ArgumentException>(() => WfdbWriter.Write(badName, Path.Combine(folder, "name.hea")));
        Assert.Throws<ArgumentException>(() => WfdbWriter.Write(badAnnotation, Path.Combine(folder, "annotation.hea")));

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private static void AssertSameRecord(EcgRecord expected, EcgRecord actual)
    {
        Assert.Equal(expected.SamplingRate, actual.SamplingRate);
        Assert.Equal(expected.LeadNames, actual.LeadNames);
        for (var l = 0; l < expected.Leads.Length; l++)
        {
            Assert.Equal(expected.Leads[l].SamplesMillivolts, actual.Leads[l].SamplesMillivolts);
        }

        Assert.Equal(expected.Annotations, actual.Annotations);
        Assert.Equal(expected.StartTime, actual.StartTime);
    }

    internal sealed record GeneratedRecord(EcgRecord Record, double Gain, int Baseline)
    {
        public override string ToString() => $"{Record.Leads.Length} leads x {Record.SampleCount}, gain {Gain}, baseline {Baseline}";
    }

    // Samples are made the way the reader makes them, (adc - baseline) / gain, from ADC values the format can hold.
    private static Gen<GeneratedRecord> RandomRecord(int format)
    {
        var (min, max) = WfdbSampleFormat.ValidRange(format);
        var invalid = WfdbSampleFormat.InvalidValue(format)!.Value;
        return from leads in Gen.Choose(1, 4)
               from length in Gen.Choose(1, 300)
               from gain in Gen.Elements(200.0, 1000.0, 12.5, 1716.0)
               from baseline in Gen.Choose(-100, 100)
               from adc in Gen.ArrayOf(Gen.Frequency((20, Gen.Choose(min + 100, max - 100)), (1, Gen.Constant(invalid))), leads * length)
               from rate in Gen.Elements(100.0, 250.0, 360.0, 128.5)
               from start in Gen.Elements<DateTimeOffset?>(null, new DateTimeOffset(2020, 2, 29, 23, 59, 58, TimeSpan.Zero))
               from annotations in RandomAnnotations()
               select new GeneratedRecord(
                   new EcgRecord(
                       [.. Enumerable.Range(0, leads).Select(l => EcgLead.FromOwnedArray(
                           $"lead {l}",
                           [.. adc.Skip(l * length).Take(length).Select(v => v == invalid ? double.NaN : (v - baseline) / gain)]))],
                       new SamplingRate(rate))
                   {
                       StartTime = start,
                       Annotations = annotations,
                   },
                   gain,
                   baseline);
    }

    private static Gen<ImmutableArray<Annotation>> RandomAnnotations()
    {
        var aux = Gen.Elements<string?>(null, "(N", "(AFIB", "odd", "a longer note with spaces");
        // Code 0 (NotQrs) and gaps past 1023 samples both need SKIP words; their mix once wrote the end-of-file word.
        var one = from step in Gen.Frequency((10, Gen.Choose(1, 1023)), (2, Gen.Choose(1024, 200_000)), (1, Gen.Constant(0)))
                  from code in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, AnnotationCodes.MaxCode)))
                  from subType in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(0, 1023)))
                  from channel in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(0, 11)))
                  from number in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(0, 1023)))
                  from note in aux
                  select (step, new Annotation(0, (AnnotationCode)code, subType, channel, number, note));
        return Gen.ListOf(one).Select(items =>
        {
            var time = 0;
            return items.Select(item => item.Item2 with { SampleIndex = time += item.step }).ToImmutableArray();
        });
    }
}
