using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Detection;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Signal.Analysis;

/// <summary>How regular the beat-to-beat intervals are (a description of the RR series, not a diagnosis).</summary>
public enum RhythmRegularity
{
    /// <summary>Too few beats to say.</summary>
    Unknown,

    /// <summary>Fewer than <see cref="RecordSummary.IrregularShare"/> of successive intervals change by more than 20 %.</summary>
    Regular,

    /// <summary>At least <see cref="RecordSummary.IrregularShare"/> of successive intervals change by more than 20 %.</summary>
    Irregular,
}

/// <summary>
/// The record-level view over all leads: one heart rate the leads agree on, how regular the rhythm is, and which leads
/// are worst. Leads judged unacceptable are left out of the consensus unless every lead is.
/// </summary>
/// <param name="ConsensusHeartRateBpm">Median over the usable leads of each lead's median heart rate (from corrected
/// R-peaks), bpm; null when no lead has two beats.</param>
/// <param name="HeartRateLeads">The leads the consensus was taken over.</param>
/// <param name="ReferenceLead">The lead the rhythm was read from: the first of the best quality with beats; null without.</param>
/// <param name="IrregularIntervalShare">Share (0..1) of successive corrected RR intervals of the reference lead that
/// differ by more than 20 % (Malik's criterion); null with fewer than three beats.</param>
/// <param name="Regularity"><see cref="RhythmRegularity.Irregular"/> from <see cref="IrregularIntervalShare"/> at
/// <see cref="IrregularShare"/>.</param>
/// <param name="WorstVerdict">The worst lead verdict.</param>
/// <param name="WorstLeads">The leads with <paramref name="WorstVerdict"/>; empty when every lead is excellent.</param>
/// <param name="FusedBeatCount">For records of three leads or more: the beats at least half of the leads found
/// (<see cref="LeadFusion"/>), so that a beat lost in a noisy lead or a spike in one lead does not count; null for
/// fewer leads.</param>
/// <param name="FusedHeartRateBpm">The median heart rate of those beats after artefact correction, bpm; null without
/// fused beats.</param>
/// <param name="Intervals">Each interval the median over the leads that measured it (unacceptable leads are not
/// measured), ms; null where no lead did.</param>
/// <param name="TWaveInvertedLeads">The leads whose T wave is inverted (median T amplitude at or below −0.1 mV), in
/// the record's order: a measurement, not a diagnosis (an inverted T is normal in aVR, often in V1 and III).</param>
public sealed record RecordSummary(
    double? ConsensusHeartRateBpm,
    ImmutableArray<string> HeartRateLeads,
    string? ReferenceLead,
    double? IrregularIntervalShare,
    RhythmRegularity Regularity,
    QualityVerdict WorstVerdict,
    ImmutableArray<string> WorstLeads,
    int? FusedBeatCount,
    double? FusedHeartRateBpm,
    WaveIntervals Intervals,
    ImmutableArray<string> TWaveInvertedLeads)
{
    /// <summary>The fewest leads whose beats are fused: with two, half is one lead and fusion would be the union.</summary>
    public const int FewestLeadsToFuse = 3;

    /// <summary>Share of large successive RR changes from which the rhythm is called irregular.</summary>
    public const double IrregularShare = 0.1;

    /// <summary>Relative change between successive intervals counted as large (20 %).</summary>
    public const double LargeChange = 0.2;

    /// <summary>Summarises <paramref name="leads"/> (at least one), whose R-peaks are sampled at <paramref name="rate"/>.</summary>
    public static RecordSummary From(IReadOnlyList<LeadAnalysis> leads, SamplingRate rate)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var withRate = leads.Where(lead => lead.HeartRate is not null).ToArray();
        var usable = withRate.Where(lead => lead.Quality.Verdict != QualityVerdict.Unacceptable).ToArray();
        var consensusLeads = usable.Length > 0 ? usable : withRate;
        var consensus = consensusLeads.Length == 0 ? (double?)null
            : Statistics.Median(consensusLeads.Select(lead => lead.HeartRate!.MedianBpm).ToArray());

        var reference = withRate.OrderBy(lead => lead.Quality.Verdict).FirstOrDefault();
        var share = reference is null ? null : IrregularShareOf(reference.Corrected.RPeaks.AsSpan());
        var worst = leads.Max(lead => lead.Quality.Verdict);
        var fused = leads.Count >= FewestLeadsToFuse ? LeadFusion.Fuse([.. leads.Select(lead => lead.RPeaks.ToArray())], rate) : null;
        var fusedRate = fused is null ? null : HeartRate.FromRPeaks(RrArtifactCorrection.Correct(fused, rate).RPeaks.AsSpan(), rate);
        return new RecordSummary(
            consensus,
            [.. consensusLeads.Select(lead => lead.LeadName)],
            reference?.LeadName,
            share,
            share is not { } value ? RhythmRegularity.Unknown : value >= IrregularShare ? RhythmRegularity.Irregular : RhythmRegularity.Regular,
            worst,
            worst == QualityVerdict.Excellent ? [] : [.. leads.Where(lead => lead.Quality.Verdict == worst).Select(lead => lead.LeadName)],
            fused?.Length,
            fusedRate?.MedianBpm,
            IntervalsOver(leads),
            [.. leads.Where(lead => lead.Waves.Repolarisation.TWaveInverted == true).Select(lead => lead.LeadName)]);
    }

    private static WaveIntervals IntervalsOver(IReadOnlyList<LeadAnalysis> leads)
    {
        var intervals = leads.Select(lead => lead.Waves.Intervals).ToList();
        return new WaveIntervals(
            MedianOf(intervals, i => i.PrMilliseconds),
            MedianOf(intervals, i => i.QrsMilliseconds),
            MedianOf(intervals, i => i.QtMilliseconds),
            MedianOf(intervals, i => i.QtcBazettMilliseconds),
            MedianOf(intervals, i => i.QtcFridericiaMilliseconds));
    }

    private static double? MedianOf(List<WaveIntervals> intervals, Func<WaveIntervals, double?> interval)
    {
        var measured = intervals.Select(interval).OfType<double>().ToArray();
        return measured.Length > 0 ? Statistics.Median(measured) : null;
    }

    private static double? IrregularShareOf(ReadOnlySpan<int> peaks)
    {
        if (peaks.Length < 3)
        {
            return null;
        }

        var large = 0;
        for (var i = 2; i < peaks.Length; i++)
        {
            double previous = peaks[i - 1] - peaks[i - 2], current = peaks[i] - peaks[i - 1];
            large += Math.Abs(current - previous) > LargeChange * previous ? 1 : 0;
        }

        return (double)large / (peaks.Length - 2);
    }
}
