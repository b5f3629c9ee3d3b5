using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// Interpretable repolarisation measures of one lead, each the median over the lead's beats where it could be
/// measured; null where fewer than <see cref="WaveIntervals.MinimumBeats"/> beats allowed it.
/// </summary>
/// <param name="LeadName">The lead.</param>
/// <param name="TAmplitudeMillivolts">T peak minus the PR baseline (the median of the 20 ms ending 10 ms before the QRS onset), mV (negative for an inverted T wave).</param>
/// <param name="TWaveInverted">Whether the T wave is inverted: its median amplitude at or below −0.1 mV (1 mm).</param>
/// <param name="StDeviationMillivolts">The signal 60 ms after the J point (QRS offset) minus the PR baseline, mV.</param>
public sealed record DelineationSummary(string LeadName, double? TAmplitudeMillivolts, bool? TWaveInverted, double? StDeviationMillivolts)
{
    /// <summary>How deep a T wave must be to count as inverted, mV (1 mm at the standard 10 mm/mV).</summary>
    public const double InversionMillivolts = -0.1;

    /// <summary>Where ST deviation is read after the J point, seconds.</summary>
    public const double StOffsetSeconds = 0.06;

    /// <summary>The stretch of the PR segment taken as the isoelectric baseline, seconds.</summary>
    public const double BaselineSeconds = 0.02;

    /// <summary>
    /// How far before the found QRS onset the baseline stretch ends, seconds: the onset of a small Q wave is often
    /// found a little late, and the baseline must not take in the Q wave.
    /// </summary>
    public const double BaselineGapSeconds = 0.01;

    /// <summary>Measures one lead from its samples and their delineation. Missing (NaN) samples are never used.</summary>
    public static DelineationSummary Measure(string leadName, ReadOnlySpan<double> signalMillivolts, LeadDelineation delineation)
    {
        ArgumentNullException.ThrowIfNull(delineation);
        var rate = delineation.SamplingRate;
        var tAmplitudes = new List<double>();
        var stDeviations = new List<double>();
        foreach (var beat in delineation.Beats)
        {
            if (beat.QrsOnset is not { } onset || Baseline(signalMillivolts, onset, rate) is not { } baseline)
            {
                continue;
            }

            if (beat.TPeak is { } tPeak && double.IsFinite(signalMillivolts[tPeak]))
            {
                tAmplitudes.Add(signalMillivolts[tPeak] - baseline);
            }

            if (beat.QrsOffset is { } j && j + rate.SamplesIn(StOffsetSeconds) is var st && st < signalMillivolts.Length
                && double.IsFinite(signalMillivolts[st]))
            {
                stDeviations.Add(signalMillivolts[st] - baseline);
            }
        }

        var tAmplitude = WaveIntervals.Median(tAmplitudes);
        return new DelineationSummary(
            leadName, tAmplitude, tAmplitude is { } t ? t <= InversionMillivolts : null, WaveIntervals.Median(stDeviations));
    }

    /// <summary>
    /// The median of the valid samples of the PR segment's stretch before the QRS onset, or null if none.
    /// </summary>
    private static double? Baseline(ReadOnlySpan<double> signal, int qrsOnset, SamplingRate rate)
    {
        var to = Math.Max(0, qrsOnset - rate.SamplesIn(BaselineGapSeconds));
        var from = Math.Max(0, to - rate.SamplesIn(BaselineSeconds));
        var valid = new List<double>();
        foreach (var sample in signal[from..(to + 1)])
        {
            if (double.IsFinite(sample))
            {
                valid.Add(sample);
            }
        }

        return valid.Count > 0 ? Statistics.Median(valid.ToArray()) : null;
    }
}
