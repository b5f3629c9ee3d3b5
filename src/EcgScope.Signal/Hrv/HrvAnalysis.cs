using EcgScope.Core;

namespace EcgScope.Signal.Hrv;

/// <summary>Every HRV measure of a recording, each available or with the reason it is not.</summary>
/// <param name="Intervals">The RR intervals with their NN/rejected marks.</param>
/// <param name="TimeDomain">Time-domain measures.</param>
/// <param name="FrequencyDomain">Frequency-domain measures (need ≥ 2 minutes).</param>
/// <param name="Poincare">Poincaré SD1/SD2.</param>
public sealed record HrvReport(
    NnIntervals Intervals,
    HrvResult<HrvTimeDomain> TimeDomain,
    HrvResult<HrvFrequencyDomain> FrequencyDomain,
    HrvResult<PoincarePlot> Poincare);

/// <summary>Heart-rate variability analysis from R-peaks or RR intervals.</summary>
public static class HrvAnalysis
{
    /// <summary>Analyses the beats at <paramref name="rPeaks"/> (sample indices, strictly increasing).</summary>
    public static HrvReport FromRPeaks(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate) =>
        Analyze(NnIntervals.FromRPeaks(rPeaks, samplingRate));

    /// <summary>Analyses already classified intervals.</summary>
    public static HrvReport Analyze(NnIntervals intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        return new HrvReport(intervals, HrvTimeDomain.Compute(intervals), HrvFrequencyDomain.Compute(intervals), PoincarePlot.Compute(intervals));
    }
}
