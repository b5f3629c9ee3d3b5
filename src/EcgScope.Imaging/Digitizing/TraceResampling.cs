namespace EcgScope.Imaging.Digitizing;

/// <summary>Fills short gaps in a followed trace and reads it between columns.</summary>
internal static class TraceResampling
{
    /// <summary>A copy with runs of at most <paramref name="maxGap"/> NaN columns between two found ones joined by a straight line.</summary>
    public static double[] FillGaps(double[] heights, int maxGap)
    {
        var filled = (double[])heights.Clone();
        var last = -1;
        for (var i = 0; i < filled.Length; i++)
        {
            if (double.IsNaN(filled[i]))
            {
                continue;
            }

            if (last >= 0 && i - last > 1 && i - last - 1 <= maxGap)
            {
                for (var k = last + 1; k < i; k++)
                {
                    filled[k] = filled[last] + ((filled[i] - filled[last]) * (k - last) / (i - last));
                }
            }

            last = i;
        }

        return filled;
    }

    /// <summary>
    /// <paramref name="heights"/> with up to <paramref name="reach"/> NaN columns at either end given the nearest found
    /// height: a panel's first and last columns lie under the lead separator, whose ink is taken out with the trace in it.
    /// </summary>
    public static void ExtendEnds(double[] heights, int reach)
    {
        var first = Array.FindIndex(heights, double.IsFinite);
        if (first < 0)
        {
            return;
        }

        var last = Array.FindLastIndex(heights, double.IsFinite);
        heights.AsSpan(Math.Max(0, first - reach), first - Math.Max(0, first - reach)).Fill(heights[first]);
        heights.AsSpan(last + 1, Math.Min(heights.Length - 1, last + reach) - last).Fill(heights[last]);
    }

    /// <summary>The trace at fractional column <paramref name="position"/>, linearly interpolated; NaN outside it or next to a gap.</summary>
    public static double At(double[] heights, double position)
    {
        if (position < 0 || position > heights.Length - 1)
        {
            return position > heights.Length - 1 && position < heights.Length ? heights[^1] : double.NaN;
        }

        var left = (int)position;
        var fraction = position - left;
        return fraction == 0 ? heights[left] : heights[left] + ((heights[left + 1] - heights[left]) * fraction);
    }
}
