using System.Numerics;

namespace EcgScope.Signal.Detection;

/// <summary>
/// Finds ventricular flutter/fibrillation with the "VF filter" of Kuo &amp; Dillman (1978), "Computer detection of
/// ventricular fibrillation", Computers in Cardiology 5:347-349, as evaluated by Amann, Tratnig &amp; Unterkofler
/// (2005), BioMedical Engineering OnLine 4:60: a window's mean period N is estimated from the ratio of its mean
/// absolute value to its mean absolute difference, and the leakage of a notch at that period,
/// sum |x[i] + x[i-N]| / sum (|x[i]| + |x[i-N]|), is small for the near-sinusoidal flutter wave and large for QRS
/// trains.
/// </summary>
internal static class FlutterLeakage
{
    /// <summary>The leakage of <paramref name="window"/> (mean removed); 1 when no period can be estimated.</summary>
    public static double Leakage(ReadOnlySpan<float> window)
    {
        var mean = Sum(window) / window.Length;
        var absolute = SumAbsoluteDeviation(window[1..], (float)mean);
        var difference = SumAbsoluteDifference(window[1..], window[..^1]);
        // Kuo & Dillman: N = the integer part of (pi * sum|x| / sum|x - x'| + 1/2), i.e. rounded to the nearest.
        var period = difference > 0 ? (int)Math.Floor((Math.PI * absolute / difference) + 0.5) : 0;
        if (period < 1 || period >= window.Length / 2)
        {
            return 1.0;
        }

        var (leak, total) = NotchSums(window[period..], window[..^period], (float)mean);
        return total > 0 ? leak / total : 1.0;
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(values[i..]);
        }

        double total = Vector.Sum(sum);
        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    private static double SumAbsoluteDeviation(ReadOnlySpan<float> values, float mean)
    {
        var sum = Vector<float>.Zero;
        var centre = new Vector<float>(mean);
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += Vector.Abs(new Vector<float>(values[i..]) - centre);
        }

        double total = Vector.Sum(sum);
        for (; i < values.Length; i++)
        {
            total += Math.Abs(values[i] - mean);
        }

        return total;
    }

    private static double SumAbsoluteDifference(ReadOnlySpan<float> now, ReadOnlySpan<float> before)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= now.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += Vector.Abs(new Vector<float>(now[i..]) - new Vector<float>(before[i..]));
        }

        double total = Vector.Sum(sum);
        for (; i < now.Length; i++)
        {
            total += Math.Abs(now[i] - before[i]);
        }

        return total;
    }

    /// <summary>Sums of |x[i] + x[i-N]| and |x[i]| + |x[i-N]| over the window, both relative to its mean.</summary>
    private static (double Leak, double Total) NotchSums(ReadOnlySpan<float> now, ReadOnlySpan<float> before, float mean)
    {
        var leak = Vector<float>.Zero;
        var total = Vector<float>.Zero;
        var centre = new Vector<float>(mean);
        var i = 0;
        for (; i <= now.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var a = new Vector<float>(now[i..]) - centre;
            var b = new Vector<float>(before[i..]) - centre;
            leak += Vector.Abs(a + b);
            total += Vector.Abs(a) + Vector.Abs(b);
        }

        double leakSum = Vector.Sum(leak), totalSum = Vector.Sum(total);
        for (; i < now.Length; i++)
        {
            float a = now[i] - mean, b = before[i] - mean;
            leakSum += Math.Abs(a + b);
            totalSum += Math.Abs(a) + Math.Abs(b);
        }

        return (leakSum, totalSum);
    }

    /// <summary>Clears <paramref name="isFlutter"/> then marks each whole window whose leakage is below the threshold.</summary>
    /// <returns>The number of flutter windows.</returns>
    public static int Mark(ReadOnlySpan<float> signal, int windowLength, double threshold, Span<bool> isFlutter)
    {
        var count = 0;
        for (var w = 0; w < isFlutter.Length; w++)
        {
            var from = w * windowLength;
            var length = Math.Min(windowLength, signal.Length - from);
            isFlutter[w] = length >= windowLength / 2 && Leakage(signal.Slice(from, length)) < threshold;
            count += isFlutter[w] ? 1 : 0;
        }

        return count;
    }
}
