namespace EcgScope.ML.Evaluation;

/// <summary>Picking records by index, as bootstrap resamples and conclusive subsets do.</summary>
internal static class Subsets
{
    /// <summary>The values at <paramref name="indices"/> (repeats allowed), in that order.</summary>
    public static T[] Pick<T>(T[] values, int[] indices) => [.. indices.Select(i => values[i])];
}
