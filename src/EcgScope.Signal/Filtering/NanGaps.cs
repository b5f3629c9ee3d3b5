namespace EcgScope.Signal.Filtering;

/// <summary>
/// How processing steps treat missing samples (NaN): gaps are bridged by linear interpolation between the valid
/// samples around them (held flat before the first and after the last valid sample) so filters and resamplers can
/// run, and the output is NaN again wherever the input was missing. A lead with no valid sample comes out all NaN.
/// </summary>
internal static class NanGaps
{
    /// <summary>Copies <paramref name="input"/> into <paramref name="output"/> with NaN gaps interpolated; returns whether there were any.</summary>
    public static bool Bridge(ReadOnlySpan<double> input, Span<double> output)
    {
        input.CopyTo(output);
        var previousValid = -1;
        var hadGap = false;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && double.IsNaN(input[i]))
            {
                hadGap = true;
                continue;
            }

            var gapStart = previousValid + 1;
            if (i > gapStart)
            {
                FillGap(output, previousValid, i, gapStart);
            }

            previousValid = i;
        }

        return hadGap;
    }

    /// <summary>Puts NaN back into <paramref name="output"/> wherever <paramref name="original"/> was NaN.</summary>
    public static void Restore(ReadOnlySpan<double> original, Span<double> output)
    {
        for (var i = 0; i < original.Length; i++)
        {
            if (double.IsNaN(original[i]))
            {
                output[i] = double.NaN;
            }
        }
    }

    private static void FillGap(Span<double> output, int before, int after, int gapStart)
    {
        var hasBefore = before >= 0;
        var hasAfter = after < output.Length;
        if (!hasBefore && !hasAfter)
        {
            return; // nothing valid anywhere: leave NaN
        }

        var left = hasBefore ? output[before] : output[after];
        var right = hasAfter ? output[after] : output[before];
        for (var j = gapStart; j < after; j++)
        {
            var fraction = hasBefore && hasAfter ? (double)(j - before) / (after - before) : 0;
            output[j] = left + ((right - left) * fraction);
        }
    }
}
