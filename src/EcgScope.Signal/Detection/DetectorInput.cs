using EcgScope.Core;

namespace EcgScope.Signal.Detection;

/// <summary>Input preparation shared by the detectors.</summary>
internal static class DetectorInput
{
    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="target"/> relative to its first valid sample, bridging
    /// missing samples (NaN, infinities) with the last valid value. Starting from zero keeps the filters from ringing
    /// on the record's DC offset at the first sample.
    /// </summary>
    public static void CopyBridgingGaps(ReadOnlySpan<double> source, Span<double> target)
    {
        var offset = 0.0;
        foreach (var value in source)
        {
            if (double.IsFinite(value))
            {
                offset = value;
                break;
            }
        }

        var last = 0.0;
        for (var i = 0; i < source.Length; i++)
        {
            var value = source[i];
            if (double.IsFinite(value))
            {
                last = value - offset;
            }

            target[i] = last;
        }
    }

    /// <summary>
    /// A duration in seconds as a whole number of samples at <paramref name="hertz"/>, at least 1 (the detectors'
    /// windows must never be empty); rounded as <see cref="SamplingRate.SamplesIn"/> rounds.
    /// </summary>
    public static int Samples(double seconds, double hertz) => Math.Max(1, new SamplingRate(hertz).SamplesIn(seconds));
}
