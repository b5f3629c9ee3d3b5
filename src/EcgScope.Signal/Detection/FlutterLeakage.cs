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
        var mean = 0.0;
        foreach (var value in window)
        {
            mean += value;
        }

        mean /= window.Length;
        double absolute = 0, difference = 0;
        for (var i = 1; i < window.Length; i++)
        {
            absolute += Math.Abs(window[i] - mean);
            difference += Math.Abs(window[i] - window[i - 1]);
        }

        var period = difference > 0 ? (int)Math.Round((Math.PI * absolute / difference) + 0.5) : 0;
        if (period < 1 || period >= window.Length / 2)
        {
            return 1.0;
        }

        double leak = 0, total = 0;
        for (var i = period; i < window.Length; i++)
        {
            var now = window[i] - mean;
            var before = window[i - period] - mean;
            leak += Math.Abs(now + before);
            total += Math.Abs(now) + Math.Abs(before);
        }

        return total > 0 ? leak / total : 1.0;
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
