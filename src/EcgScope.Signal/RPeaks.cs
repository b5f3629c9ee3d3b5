namespace EcgScope.Signal;

/// <summary>Validation of R-peak index lists given to the heart-rate, HRV, quality and beat code.</summary>
internal static class RPeaks
{
    /// <summary>Throws unless the indices are non-negative and strictly increasing.</summary>
    public static void RequireIncreasing(ReadOnlySpan<int> rPeaks)
    {
        for (var i = 0; i < rPeaks.Length; i++)
        {
            if (rPeaks[i] < 0 || (i > 0 && rPeaks[i] <= rPeaks[i - 1]))
            {
                throw new ArgumentException(
                    $"R-peak sample indices must be non-negative and strictly increasing; index {i} is {rPeaks[i]}.", nameof(rPeaks));
            }
        }
    }
}
