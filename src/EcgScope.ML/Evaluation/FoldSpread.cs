namespace EcgScope.ML.Evaluation;

/// <summary>How a metric varies over cross-validation folds: the mean and the sample standard deviation (n − 1), as reported in the literature.</summary>
public readonly record struct FoldSpread(double Mean, double StandardDeviation)
{
    /// <summary>The spread of <paramref name="values"/> (one per fold); the deviation is 0 for a single fold.</summary>
    public static FoldSpread Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Average();
        var deviation = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new FoldSpread(mean, deviation);
    }
}
