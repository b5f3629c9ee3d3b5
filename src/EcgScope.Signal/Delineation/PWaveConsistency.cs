using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// A lead-level check added to Martínez et al.'s per-beat P search: sinus P waves sit at a steady distance before
/// their R peaks, so P waves whose P-to-R intervals scatter (atrial fibrillation's f-waves picked up at random
/// places) are dropped, for the whole lead or for the beats far from the lead's usual interval.
/// </summary>
internal static class PWaveConsistency
{
    /// <summary>The beats with inconsistent P waves set to not found.</summary>
    public static BeatDelineation[] Filter(BeatDelineation[] beats, SamplingRate rate, WaveletDelineatorOptions options)
    {
        var intervals = beats.Where(beat => beat.PPeak.HasValue).Select(beat => (double)(beat.RPeak - beat.PPeak!.Value)).ToArray();
        if (intervals.Length < 3)
        {
            return beats;
        }

        Array.Sort(intervals);
        var spread = Statistics.QuantileOfSorted(intervals, 0.75) - Statistics.QuantileOfSorted(intervals, 0.25);
        var median = Statistics.QuantileOfSorted(intervals, 0.5);
        var noPWaves = spread > rate.Hertz * options.PrSpreadSeconds;
        var allowed = rate.Hertz * options.PrDeviationSeconds;
        return
        [
            .. beats.Select(beat => beat.PPeak is { } peak && (noPWaves || Math.Abs(beat.RPeak - peak - median) > allowed)
                ? beat with { POnset = null, PPeak = null, POffset = null }
                : beat),
        ];
    }
}
