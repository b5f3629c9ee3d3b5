using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EcgScope.Signal.Filtering;

/// <summary>
/// How processing steps treat missing samples (NaN; infinities count as missing too): gaps are bridged by linear
/// interpolation between the valid samples around them (held flat before the first and after the last valid sample)
/// so filters, resamplers, quality indices and the R-peak detectors can run, and filter and resampler outputs are NaN
/// again wherever the input was missing. A lead with no valid sample comes out all NaN. docs/gaps.md gives the
/// measurement behind the one strategy: on MIT-BIH with gaps the detectors lose nothing by it.
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
            if (i < input.Length && !double.IsFinite(input[i]))
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

    /// <summary>Whether <paramref name="samples"/> has a missing sample.</summary>
    public static bool Any(ReadOnlySpan<double> samples)
    {
        // x − x is 0 for every finite x and NaN otherwise: four samples per comparison (the detectors' clean path).
        var vectors = MemoryMarshal.Cast<double, Vector256<double>>(samples);
        foreach (var vector in vectors)
        {
            if (!Vector256.EqualsAll(vector - vector, Vector256<double>.Zero))
            {
                return true;
            }
        }

        foreach (var x in samples[(vectors.Length * Vector256<double>.Count)..])
        {
            if (!double.IsFinite(x))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts NaN back into <paramref name="output"/> wherever <paramref name="original"/> was missing.</summary>
    public static void Restore(ReadOnlySpan<double> original, Span<double> output)
    {
        for (var i = 0; i < original.Length; i++)
        {
            if (!double.IsFinite(original[i]))
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
