using EcgScope.Core;
using EcgScope.Signal.Filtering;

namespace EcgScope.Signal.Detection;

/// <summary>Input preparation shared by the detectors.</summary>
internal static class DetectorInput
{
    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="target"/> relative to its first valid sample, with missing
    /// samples bridged as <see cref="NanGaps.Bridge"/> bridges them (linear interpolation; held flat before the first
    /// valid sample). Starting from zero keeps the filters from ringing on the record's DC offset at the first sample.
    /// A source with no valid sample gives zeros.
    /// </summary>
    public static void CopyBridgingGaps(ReadOnlySpan<double> source, Span<double> target)
    {
        NanGaps.Bridge(source, target);
        var offset = target.IsEmpty ? 0 : target[0];
        if (double.IsNaN(offset))
        {
            target.Clear();
            return;
        }

        for (var i = 0; i < target.Length; i++)
        {
            target[i] -= offset;
        }
    }

    /// <summary>
    /// A duration in seconds as a whole number of samples at <paramref name="hertz"/>, at least 1 (the detectors'
    /// windows must never be empty); rounded as <see cref="SamplingRate.SamplesIn"/> rounds.
    /// </summary>
    public static int Samples(double seconds, double hertz) => Math.Max(1, new SamplingRate(hertz).SamplesIn(seconds));
}
