using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Tests;

public sealed class InputPreparerTests
{
    private static readonly InputSpec Spec = new() { SampleRateHz = 100, WindowSeconds = 10, Leads = ["II"] };

    private static EcgRecord Sine(double seconds, double hertz, params string[] leads) => new(
        [.. leads.Select(name => EcgLead.FromOwnedArray(name, [.. Enumerable.Range(0, (int)(seconds * hertz)).Select(i => Math.Sin(2 * Math.PI * 1.2 * i / hertz))]))],
        new SamplingRate(hertz));

    [Fact]
    public void A_long_record_is_cut_into_windows_the_last_ending_at_the_record_end()
    {
        var prepared = InputPreparer.Prepare(Sine(26, 500, "I", "II"), Spec);

        Assert.Equal([0, 1000, 1600], prepared.WindowStarts);
        Assert.All(prepared.ValidSamples, valid => Assert.Equal(1000, valid));
        Assert.Equal(1, prepared.LeadCount);
        Assert.Equal(3 * 1000, prepared.Samples.Length);
    }

    [Fact]
    public void A_short_record_is_one_window_padded_with_zeros_and_normalised()
    {
        var prepared = InputPreparer.Prepare(Sine(4, 250, "II"), Spec);

        Assert.Equal([0], prepared.WindowStarts);
        Assert.Equal([400], prepared.ValidSamples);
        var own = prepared.Window(0)[..400].ToArray();
        Assert.Equal(0, own.Average(), 3);
        Assert.Equal(1, Math.Sqrt(own.Average(x => x * x)), 2);
        Assert.All(prepared.Window(0)[400..].ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void A_multi_lead_model_names_the_leads_a_record_lacks()
    {
        var spec = Spec with { Leads = ["I", "II", "V1"] };

        var error = Assert.Throws<ArgumentException>(() => InputPreparer.Prepare(Sine(10, 100, "I", "II"), spec));
        Assert.Contains("lacks V1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "I", "II", "III" }, new[] { 0.0, 0.0, 0.0 }, "II")]
    [InlineData(new[] { "I", "II", "III" }, new[] { 0.0, 0.75, 0.0 }, "I")]
    [InlineData(new[] { "I", "II", "III" }, new[] { 0.75, 0.75, 0.0 }, "III")]
    [InlineData(new[] { "V1", "aVR", "V6" }, new[] { 0.75, 0.5, 0.75 }, "aVR")]
    public void A_single_lead_model_reads_its_lead_else_II_where_recorded_throughout_else_the_most_complete_lead(string[] leads, double[] missing, string read)
    {
        // A digitized 3x4 printout: every lead but the rhythm strip's is missing for three quarters of the time.
        var record = new EcgRecord(
            [.. leads.Select((name, index) => EcgLead.FromOwnedArray(name, [.. Enumerable.Range(0, 1000).Select(i => i < missing[index] * 1000 ? double.NaN : Math.Sin(i / 10.0))]))],
            new SamplingRate(100));

        Assert.Equal(read, InputPreparer.Condition(record, Spec with { Leads = ["II"] }).Leads.Single().Name);
    }

    [Fact]
    public void Missing_samples_become_zero_not_nan()
    {
        var samples = Enumerable.Range(0, 1000).Select(i => i is > 100 and < 200 ? double.NaN : Math.Sin(i / 10.0)).ToArray();
        var record = new EcgRecord(ImmutableArray.Create(EcgLead.FromOwnedArray("I", samples)), new SamplingRate(100));

        var prepared = InputPreparer.Prepare(record, Spec);

        Assert.All(prepared.Samples, x => Assert.True(float.IsFinite(x)));
    }
}
