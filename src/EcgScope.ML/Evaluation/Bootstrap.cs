namespace EcgScope.ML.Evaluation;

/// <summary>A metric's value on the whole set and its bootstrap interval.</summary>
/// <param name="Estimate">The metric on all records.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Level">Coverage of the interval, for example 0.95.</param>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Level);

/// <summary>
/// Percentile bootstrap (B. Efron, R. Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13): the metric is
/// recomputed on resamples of the records drawn with replacement, and the interval is the (1 − level)/2 and
/// (1 + level)/2 quantiles of those values (linearly interpolated, as NumPy's default). Seeded, so a seed always
/// gives the same interval. Resamples on which the metric is undefined (NaN, say an AUROC without positives) are
/// left out of the quantiles.
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples drawn unless told otherwise.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>
    /// The interval of <paramref name="metric"/>, which is given the indices (0 … <paramref name="count"/>−1, with
    /// repeats) of the records in a resample and returns the metric on them.
    /// </summary>
    public static ConfidenceInterval Interval(
        int count, Func<int[], double> metric, int seed, int resamples = DefaultResamples, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level lies strictly between 0 and 1.");
        }

        var all = new int[count];
        for (var i = 0; i < count; i++)
        {
            all[i] = i;
        }

        var random = new Random(seed);
        var values = new List<double>(resamples);
        var indices = new int[count];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < count; i++)
            {
                indices[i] = random.Next(count);
            }

            var value = metric(indices);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        values.Sort();
        var sorted = values.ToArray();
        return new ConfidenceInterval(metric(all), Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2), level);
    }

    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
