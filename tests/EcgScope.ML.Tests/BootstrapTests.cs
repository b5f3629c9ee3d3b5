using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Tests;

public sealed class BootstrapTests
{
    [Fact]
    public void The_interval_of_a_mean_is_close_to_the_normal_theory_interval()
    {
        // 2,000 standard normal values: the mean's 95 % interval is about ±1.96/√2000 = ±0.044 around the mean.
        var random = new Random(7);
        var values = Enumerable.Range(0, 2000).Select(_ => Gaussians.Next(random)).ToArray();

        var interval = Bootstrap.Interval(values.Length, indices => indices.Average(i => values[i]), seed: 1);

        Assert.Equal(values.Average(), interval.Estimate, 12);
        var halfWidth = 1.96 * StandardDeviation(values) / Math.Sqrt(values.Length);
        Assert.InRange(interval.Upper - interval.Lower, 2 * halfWidth * 0.85, 2 * halfWidth * 1.15);
        Assert.InRange(interval.Lower, interval.Estimate - (1.3 * halfWidth), interval.Estimate - (0.7 * halfWidth));
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void A_seed_gives_the_same_interval_and_another_seed_another()
    {
        double[] values = [1, 4, 2, 8, 5, 7, 3, 9, 6, 0];
        double Mean(int[] indices) => indices.Average(i => values[i]);

        var first = Bootstrap.Interval(values.Length, Mean, seed: 3);

        Assert.Equal(first, Bootstrap.Interval(values.Length, Mean, seed: 3));
        Assert.NotEqual(first, Bootstrap.Interval(values.Length, Mean, seed: 4));
        Assert.True(first.Lower < first.Estimate && first.Estimate < first.Upper);
    }

    [Fact]
    public void Undefined_resamples_are_left_out()
    {
        // Only resamples that hold the single positive (index 0) define the metric.
        var interval = Bootstrap.Interval(5, indices => indices.Contains(0) ? 1 : double.NaN, seed: 2);

        Assert.Equal(1, interval.Lower);
        Assert.Equal(1, interval.Upper);
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
