namespace EcgScope.Signal;

/// <summary>Small descriptive statistics shared by the HRV, quality and beat code.</summary>
internal static class Statistics
{
    /// <summary>Arithmetic mean; NaN for no values.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return values.IsEmpty ? double.NaN : sum / values.Length;
    }

    /// <summary>Sample standard deviation (n − 1 denominator); NaN for fewer than two values.</summary>
    public static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sum / (values.Length - 1));
    }

    /// <summary>Median (mean of the two middle values for even counts); sorts <paramref name="values"/> in place. NaN for none.</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>
    /// The <paramref name="q"/>-quantile (0..1) of values already sorted ascending, linearly interpolated between the
    /// two nearest ranks (NumPy's and pandas' default); NaN for none.
    /// </summary>
    public static double QuantileOfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>Pearson correlation of two equally long signals; 0 when either is constant.</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var meanA = Mean(a);
        var meanB = Mean(b);
        double covariance = 0, varianceA = 0, varianceB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }

        return varianceA > 0 && varianceB > 0 ? covariance / Math.Sqrt(varianceA * varianceB) : 0;
    }
}
