using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Beats;

/// <summary>One beat cut out of a recording.</summary>
/// <param name="RPeakSample">Sample index of the R-peak.</param>
/// <param name="StartSample">Sample index of the window's first sample (R-peak minus samples before).</param>
/// <param name="RPeakSeconds">Time of the R-peak, seconds from the recording's start.</param>
public readonly record struct SegmentedBeat(int RPeakSample, int StartSample, double RPeakSeconds);

/// <summary>The median beat of one lead and how closely each beat follows it.</summary>
/// <param name="LeadName">The lead.</param>
/// <param name="MedianBeat">Sample-wise median over the beats, mV; index <c>SamplesBefore</c> is the R-peak.</param>
/// <param name="Correlations">Pearson correlation of each beat (same order as <see cref="BeatSet.Beats"/>) with the median beat.</param>
public sealed record LeadBeatTemplate(string LeadName, ImmutableArray<double> MedianBeat, ImmutableArray<double> Correlations)
{
    /// <summary>Mean of <see cref="Correlations"/>; NaN with no beats.</summary>
    public double MeanCorrelation => Correlations.IsEmpty ? double.NaN : Correlations.Average();
}

/// <summary>The beats of a recording and their per-lead templates.</summary>
/// <param name="Window">The window used.</param>
/// <param name="SamplesBefore">Samples before the R-peak in each beat.</param>
/// <param name="SamplesAfter">Samples after the R-peak in each beat.</param>
/// <param name="Beats">Beats whose window fits inside the recording.</param>
/// <param name="DroppedAtEdges">R-peaks too close to the start or end for a full window.</param>
/// <param name="Leads">One template per lead, in the record's lead order.</param>
public sealed record BeatSet(
    BeatWindow Window, int SamplesBefore, int SamplesAfter, ImmutableArray<SegmentedBeat> Beats, int DroppedAtEdges, ImmutableArray<LeadBeatTemplate> Leads);

/// <summary>
/// Cuts beats around R-peaks and builds median-beat templates (the median resists the odd ectopic or noisy beat
/// better than the mean used in signal averaging).
/// </summary>
public static class BeatSegmenter
{
    /// <summary>
    /// Segments every lead of <paramref name="record"/> around <paramref name="rPeaks"/> (sample indices, strictly
    /// increasing) with <paramref name="window"/> (default <see cref="BeatWindow.Default"/>).
    /// </summary>
    public static BeatSet Segment(EcgRecord record, ReadOnlySpan<int> rPeaks, BeatWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var chosen = window ?? BeatWindow.Default;
        chosen.Validate();
        var before = chosen.SamplesBefore(record.SamplingRate);
        var after = chosen.SamplesAfter(record.SamplingRate);
        var kept = FittingPeaks(rPeaks, record.SampleCount, before, after);
        var beats = kept.Select(peak => new SegmentedBeat(peak, peak - before, record.SamplingRate.SecondsAt(peak))).ToImmutableArray();
        var leads = record.Leads.Select(lead => BuildTemplate(lead, kept, before, after)).ToImmutableArray();
        return new BeatSet(chosen, before, after, beats, rPeaks.Length - kept.Length, leads);
    }

    /// <summary>
    /// The median beat of one lead around its own <paramref name="rPeaks"/> (sample indices, strictly increasing) and
    /// each beat's correlation with it; null when no beat's window fits inside the lead.
    /// </summary>
    public static LeadBeatTemplate? Template(EcgLead lead, ReadOnlySpan<int> rPeaks, SamplingRate samplingRate, BeatWindow window)
    {
        ArgumentNullException.ThrowIfNull(lead);
        window.Validate();
        var before = window.SamplesBefore(samplingRate);
        var after = window.SamplesAfter(samplingRate);
        var fitting = FittingPeaks(rPeaks, lead.Length, before, after);
        return fitting.Length == 0 ? null : BuildTemplate(lead, fitting, before, after);
    }

    private static LeadBeatTemplate BuildTemplate(EcgLead lead, int[] fittingPeaks, int before, int after)
    {
        var template = MedianTemplate(lead.Span, fittingPeaks, before, after);
        return new LeadBeatTemplate(lead.Name, [.. template], [.. CorrelationsWithTemplate(lead.Span, fittingPeaks, before, template)]);
    }

    /// <summary>The R-peaks whose window [peak − before, peak + after] lies inside a signal of <paramref name="signalLength"/> samples.</summary>
    public static int[] FittingPeaks(ReadOnlySpan<int> rPeaks, int signalLength, int before, int after)
    {
        RPeaks.RequireIncreasing(rPeaks);
        var kept = new List<int>(rPeaks.Length);
        foreach (var peak in rPeaks)
        {
            if (peak - before >= 0 && peak + after < signalLength)
            {
                kept.Add(peak);
            }
        }

        return [.. kept];
    }

    /// <summary>
    /// Sample-wise median of the windows around <paramref name="fittingPeaks"/> (which must fit, see
    /// <see cref="FittingPeaks"/>); NaN samples are skipped; an empty peak list gives an all-NaN template.
    /// </summary>
    public static double[] MedianTemplate(ReadOnlySpan<double> signal, ReadOnlySpan<int> fittingPeaks, int before, int after)
    {
        var template = new double[before + 1 + after];
        var column = new double[fittingPeaks.Length];
        for (var offset = 0; offset < template.Length; offset++)
        {
            var count = 0;
            foreach (var peak in fittingPeaks)
            {
                var value = signal[peak - before + offset];
                if (!double.IsNaN(value))
                {
                    column[count++] = value;
                }
            }

            template[offset] = Statistics.Median(column.AsSpan(0, count));
        }

        return template;
    }

    /// <summary>Pearson correlation of each beat window with <paramref name="template"/> (0 for a flat beat or template).</summary>
    public static double[] CorrelationsWithTemplate(ReadOnlySpan<double> signal, ReadOnlySpan<int> fittingPeaks, int before, ReadOnlySpan<double> template)
    {
        var correlations = new double[fittingPeaks.Length];
        for (var i = 0; i < fittingPeaks.Length; i++)
        {
            correlations[i] = Statistics.Correlation(signal.Slice(fittingPeaks[i] - before, template.Length), template);
        }

        return correlations;
    }
}
