using EcgScope.Signal.Normalization;
using static EcgScope.Signal.Tests.SignalHelpers;

namespace EcgScope.Signal.Tests;

public class NormalizationTests
{
    [Fact]
    public void Min_max_maps_extremes_to_the_target_range_per_lead()
    {
        var record = Record(100, [2, 4, 3, double.NaN, 6], [-1, 1, 0, 0, 0]);

        var unit = Normalizer.MinMax(record);
        var symmetric = Normalizer.MinMax(record, -1, 1);

        Assert.Equal([0, 0.5, 0.25, double.NaN, 1], unit.Leads[0].Span.ToArray());
        Assert.Equal([0, 1, 0.5, 0.5, 0.5], unit.Leads[1].Span.ToArray());
        Assert.Equal([-1, 0, -0.5, double.NaN, 1], symmetric.Leads[0].Span.ToArray());
    }

    [Fact]
    public void Z_score_gives_zero_mean_and_unit_population_deviation()
    {
        var signal = Sine(1000, 3, 100, amplitude: 2.5).Select(x => x + 7).ToArray();

        var z = Normalizer.ZScore(Record(100, signal)).Leads[0].Span.ToArray();

        Assert.Equal(0, z.Average(), 9);
        Assert.Equal(1, Math.Sqrt(z.Average(x => x * x)), 9);
    }

    [Fact]
    public void Constant_leads_give_the_documented_values_not_nan()
    {
        var record = Record(100, Enumerable.Repeat(3.3, 50).ToArray());

        Assert.All(Normalizer.MinMax(record, 0, 10).Leads[0].Span.ToArray(), x => Assert.Equal(5, x));
        Assert.All(Normalizer.ZScore(record).Leads[0].Span.ToArray(), x => Assert.Equal(0, x));
    }

    [Fact]
    public void An_empty_or_inverted_range_is_rejected()
    {
        var record = Record(100, [1, 2, 3]);
        Assert.Throws<ArgumentException>(() => Normalizer.MinMax(record, 1, 1));
        Assert.Throws<ArgumentException>(() => Normalizer.MinMax(record, 1, 0));
    }
}
