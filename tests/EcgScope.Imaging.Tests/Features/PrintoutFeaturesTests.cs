using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Features;
using EcgScope.Imaging.Layout;
using EcgScope.Signal.Features;
using EcgScope.Testing;

namespace EcgScope.Imaging.Tests.Features;

public sealed class PrintoutFeaturesTests(ITestOutputHelper output)
{
    [Fact]
    public void Names_are_the_summaries_then_every_lead_s_measures_then_the_rhythm_strip_s_features()
    {
        Assert.Equal("digitizerConfidence", PrintoutFeatures.Names[0]);
        foreach (var lead in PrintoutLayout.TwelveLeads)
        {
            Assert.Contains($"{lead}.tAmplitudeMv", PrintoutFeatures.Names);
            Assert.Contains($"{lead}.stDeviationMv", PrintoutFeatures.Names);
            Assert.Contains($"{lead}.qDepthMv", PrintoutFeatures.Names);
        }

        Assert.Equal(
            RhythmFeatures.Names.Select(name => PrintoutFeatures.RhythmPrefix + name),
            PrintoutFeatures.Names.Skip(PrintoutFeatures.Names.Length - RhythmFeatures.Names.Length));
        Assert.Equal(PrintoutFeatures.Names.Length, PrintoutFeatures.Names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_genuine_printout_has_finite_rhythm_strip_features_and_measured_leads()
    {
        var path = TestData.File("images", "cardiac-patients", "normal", "Normal(1).jpg");
        var printout = PrintoutDigitizer.Digitize(File.ReadAllBytes(path), Path.GetFileName(path), cancellationToken: TestContext.Current.CancellationToken);

        var features = PrintoutFeatures.Compute(printout);

        Assert.Equal(PrintoutFeatures.Names.Length, features.Length);
        Assert.Equal(printout.Confidence, features[0]);
        double Feature(string name) => features[PrintoutFeatures.Names.IndexOf(name)];
        output.WriteLine(string.Join(", ", PrintoutFeatures.Names.Zip(features, (name, value) => $"{name} {value:0.###}")));
        Assert.InRange(Feature("rhythm.durationSeconds"), 9, 10.5);
        Assert.InRange(Feature("rhythm.heartRateBpm"), 40, 150);
        foreach (var name in new[] { "rhythm.rrMeanMs", "rhythm.rAmplitudeMv", "rhythm.qrsWidthMs", "rhythm.amplitudeSdMv", "rhythm.qualityTemplateSqi" })
        {
            Assert.True(double.IsFinite(Feature(name)), $"{name} is {Feature(name)}");
        }

        // Each panel's 2.5 s holds two or three beats: its QRS is measured, and its T wave where three beats are whole
        // (the analysis measures waves over at least three beats).
        Assert.InRange(Feature("II.qrsDurationMs"), 40, 200);
        Assert.InRange(Feature("II.qrsAmplitudeMv"), 0.2, 5);
        Assert.InRange(PrintoutLayout.TwelveLeads.Count(lead => double.IsFinite(Feature($"{lead}.tAmplitudeMv"))), 4, 12);
    }

    [Fact]
    public void A_record_without_any_printed_sample_gives_only_the_confidence()
    {
        var blank = TestRecords.Flat();
        var empty = blank.WithLeads([.. blank.Leads.Select(lead => lead.WithSamples(Enumerable.Repeat(double.NaN, lead.Length).ToArray()))], blank.SamplingRate);

        var features = PrintoutFeatures.Compute(empty, confidence: 0.2);

        Assert.Equal(0.2, features[0]);
        Assert.All(features.Skip(1), value => Assert.True(double.IsNaN(value)));
    }
}
