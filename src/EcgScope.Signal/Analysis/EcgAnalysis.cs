using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Signal.Analysis;

/// <summary>
/// The common analysis of an ECG, composed of the library's steps: clean (zero-phase band-pass, optional mains
/// notch), detect R-peaks, heart rate, HRV, signal quality and the median beat, for every lead.
/// </summary>
public static class EcgAnalysis
{
    /// <summary>Analyses every lead of <paramref name="record"/>, reporting one step per lead.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static EcgAnalysisResult Analyze(
        EcgRecord record,
        EcgAnalysisOptions? options = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        options ??= EcgAnalysisOptions.Default;
        var cleaned = Clean(record, options);
        var leads = ImmutableArray.CreateBuilder<LeadAnalysis>(record.Leads.Length);
        for (var index = 0; index < record.Leads.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress(index, record.Leads.Length, record.Leads[index].Name));
            leads.Add(AnalyzeLead(record.Leads[index], cleaned.Leads[index], record.SamplingRate, options));
        }

        progress?.Report(new WorkProgress(record.Leads.Length, record.Leads.Length));
        return new EcgAnalysisResult(cleaned, leads.MoveToImmutable(), options.Detector.Name, options);
    }

    /// <summary>The record band-passed (and notched) as <paramref name="options"/> say.</summary>
    public static EcgRecord Clean(EcgRecord record, EcgAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var lowPassHz = Math.Min(options.LowPassHz, 0.45 * record.SamplingRate.Hertz);
        var cleaned = EcgFilters.BandPass(record, options.HighPassHz, lowPassHz);
        return options.MainsHz is { } mains && mains < record.SamplingRate.Hertz / 2 ? EcgFilters.Notch(cleaned, mains) : cleaned;
    }

    private static LeadAnalysis AnalyzeLead(EcgLead raw, EcgLead cleaned, SamplingRate rate, EcgAnalysisOptions options)
    {
        // Detectors carry the preprocessing their papers define, so they see the raw lead.
        var peaks = options.Detector.Detect(raw.Span, rate);
        return new LeadAnalysis(
            raw.Name,
            [.. peaks],
            HeartRate.FromRPeaks(peaks, rate),
            HrvAnalysis.FromRPeaks(peaks, rate),
            SignalQuality.Assess(raw.Name, raw.Span, rate, peaks),
            Template(cleaned, peaks, rate, options.BeatWindow));
    }

    private static LeadBeatTemplate? Template(EcgLead cleaned, int[] peaks, SamplingRate rate, BeatWindow window)
    {
        var before = window.SamplesBefore(rate);
        var after = window.SamplesAfter(rate);
        var fitting = BeatSegmenter.FittingPeaks(peaks, cleaned.Length, before, after);
        if (fitting.Length == 0)
        {
            return null;
        }

        var median = BeatSegmenter.MedianTemplate(cleaned.Span, fitting, before, after);
        var correlations = BeatSegmenter.CorrelationsWithTemplate(cleaned.Span, fitting, before, median);
        return new LeadBeatTemplate(cleaned.Name, [.. median], [.. correlations]);
    }
}
