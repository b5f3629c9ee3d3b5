using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Benchmarking;

/// <summary>
/// One lead of one annotated record to score a detector on: its reference beats and the span of samples that is
/// scored (beats and detections outside it count for nothing, though matching sees the whole record).
/// </summary>
/// <param name="Name">How the case appears in reports, for example "100" or "1/ii".</param>
/// <param name="Record">The record; the detector sees the lead at <paramref name="LeadIndex"/>.</param>
/// <param name="LeadIndex">The lead the detector runs on.</param>
/// <param name="ReferenceBeats">The reference beat sample indices, ascending.</param>
/// <param name="ScoredFrom">First scored sample.</param>
/// <param name="ScoredTo">One past the last scored sample.</param>
public sealed record QrsBenchmarkCase(
    string Name,
    EcgRecord Record,
    int LeadIndex,
    ImmutableArray<int> ReferenceBeats,
    int ScoredFrom,
    int ScoredTo)
{
    /// <summary>The margin LUDB's scoring adds around the annotated beats: half a second.</summary>
    public static TimeSpan UnlabelledEdgeMargin { get; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// A record whose beat annotations hold for every lead (MIT-BIH's <c>.atr</c>), scored over its whole length.
    /// </summary>
    public static QrsBenchmarkCase WholeRecord(string name, EcgRecord record, int leadIndex)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireLead(record, leadIndex);
        var beats = record.Annotations.Where(a => a.IsBeat).Select(a => a.SampleIndex).Order();
        return new QrsBenchmarkCase(name, record, leadIndex, [.. beats], 0, record.SampleCount);
    }

    /// <summary>
    /// A lead annotated only in part (LUDB labels each lead's QRS peaks between the first and last whole beat): the
    /// reference is the beat annotations of that lead (<see cref="Annotation.Channel"/>), scored from the first to the
    /// last of them widened by <paramref name="margin"/> (default <see cref="UnlabelledEdgeMargin"/>) on each side,
    /// so unlabelled beats at the edges count for nothing. A lead without annotated beats gets an empty span: it has
    /// no score.
    /// </summary>
    public static QrsBenchmarkCase AnnotatedSpan(string name, EcgRecord record, int leadIndex, TimeSpan? margin = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireLead(record, leadIndex);
        ImmutableArray<int> beats = [.. record.Annotations
            .Where(a => a.IsBeat && a.Channel == leadIndex)
            .Select(a => a.SampleIndex)
            .Order()];
        if (beats.IsEmpty)
        {
            return new QrsBenchmarkCase(name, record, leadIndex, beats, 0, 0);
        }

        var widen = record.SamplingRate.SamplesIn((margin ?? UnlabelledEdgeMargin).TotalSeconds);
        return new QrsBenchmarkCase(
            name,
            record,
            leadIndex,
            beats,
            Math.Max(0, beats[0] - widen),
            Math.Min(record.SampleCount, beats[^1] + widen + 1));
    }

    private static void RequireLead(EcgRecord record, int leadIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leadIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leadIndex, record.Leads.Length);
    }
}
