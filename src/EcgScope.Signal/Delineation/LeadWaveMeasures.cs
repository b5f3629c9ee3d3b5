using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// What wave delineation measures on one lead: the intervals (<see cref="WaveIntervals"/>) and the repolarisation
/// measures (<see cref="DelineationSummary"/>), or why the lead was not measured at all.
/// </summary>
/// <param name="DelineatedBeats">Beats whose QRS complex was delineated.</param>
/// <param name="Intervals">PR, QRS, QT and QTc; each null where not measurable.</param>
/// <param name="Repolarisation">T amplitude, T-wave inversion and ST deviation; each null where not measurable.</param>
/// <param name="NotMeasuredReason">Why nothing was measured (too few beats, a lead unfit for measurement), in words; null when the lead was delineated.</param>
public sealed record LeadWaveMeasures(int DelineatedBeats, WaveIntervals Intervals, DelineationSummary Repolarisation, string? NotMeasuredReason)
{
    /// <summary>Delineates <paramref name="signalMillivolts"/> around <paramref name="rPeaks"/> and measures it.</summary>
    /// <param name="leadName">The lead.</param>
    /// <param name="signalMillivolts">The lead, in millivolts (NaN for missing samples).</param>
    /// <param name="rate">Its sampling rate.</param>
    /// <param name="rPeaks">R-peak sample indices, strictly increasing, inside the signal.</param>
    public static LeadWaveMeasures Measure(string leadName, ReadOnlySpan<double> signalMillivolts, SamplingRate rate, ReadOnlySpan<int> rPeaks)
    {
        if (rPeaks.Length < WaveIntervals.MinimumBeats)
        {
            return NotMeasured(leadName, string.Create(
                CultureInfo.InvariantCulture, $"{rPeaks.Length} R-peaks; waves are measured over at least {WaveIntervals.MinimumBeats} beats"));
        }

        var delineation = WaveletDelineator.Delineate(signalMillivolts, rate, rPeaks);
        return new LeadWaveMeasures(
            delineation.Beats.Count(beat => beat.QrsOnset is not null),
            WaveIntervals.Measure(delineation),
            DelineationSummary.Measure(leadName, signalMillivolts, delineation),
            null);
    }

    /// <summary>A lead left unmeasured, with the reason.</summary>
    public static LeadWaveMeasures NotMeasured(string leadName, string reason) =>
        new(0, WaveIntervals.None, new DelineationSummary(leadName, null, null, null), reason);
}
