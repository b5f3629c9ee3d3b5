using EcgScope.Core;

namespace EcgScope.Signal.Detection;

/// <summary>Scores R-peak detections against a record's reference beat annotations.</summary>
public static class QrsScorer
{
    /// <summary>The usual matching window of QRS detection benchmarks: ±150 ms.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The sample indices of the record's beat annotations (<see cref="Annotation.IsBeat"/>), ascending.</summary>
    public static int[] ReferenceBeats(EcgRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var beats = record.Annotations.Where(a => a.IsBeat).Select(a => a.SampleIndex).ToArray();
        Array.Sort(beats);
        return beats;
    }

    /// <summary>A duration as a whole number of samples at <paramref name="rate"/> (rounded to nearest).</summary>
    public static int ToSamples(TimeSpan duration, SamplingRate rate) => (int)Math.Round(duration.TotalSeconds * rate.Hertz);

    /// <summary>
    /// Matches one to one within ±<paramref name="tolerance"/> (default 150 ms) and counts TP, FP and FN from
    /// <paramref name="from"/> on (default: the whole record).
    /// </summary>
    /// <param name="reference">Reference beat sample indices, ascending.</param>
    /// <param name="detections">Detected beat sample indices, ascending.</param>
    /// <param name="rate">The sampling rate both are expressed in.</param>
    /// <param name="tolerance">Largest time difference of a match (inclusive).</param>
    /// <param name="from">Start of the scored part of the record, for example 5 minutes for ANSI/AAMI EC57.</param>
    public static DetectionScore Score(
        ReadOnlySpan<int> reference,
        ReadOnlySpan<int> detections,
        SamplingRate rate,
        TimeSpan? tolerance = null,
        TimeSpan? from = null)
    {
        var matching = BeatMatcher.Match(reference, detections, ToSamples(tolerance ?? DefaultTolerance, rate));
        return matching.Score(ToSamples(from ?? TimeSpan.Zero, rate));
    }
}
