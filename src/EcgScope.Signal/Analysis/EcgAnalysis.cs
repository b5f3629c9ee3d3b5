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
        var cleaning = CleaningFor(record.SamplingRate, options);
        var cleaned = Clean(record, cleaning);
        var leads = ImmutableArray.CreateBuilder<LeadAnalysis>(record.Leads.Length);
        for (var index = 0; index < record.Leads.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress(index, record.Leads.Length, record.Leads[index].Name));
            leads.Add(AnalyzeLead(record.Leads[index], cleaned.Leads[index], record.SamplingRate, options));
        }

        progress?.Report(new WorkProgress(record.Leads.Length, record.Leads.Length));
        return new EcgAnalysisResult(cleaned, leads.MoveToImmutable(), options.Detector.Name, cleaning, options);
    }

    /// <summary>The record band-passed (and notched) as <paramref name="options"/> say.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mains frequency is at or above the record's Nyquist frequency.</exception>
    public static EcgRecord Clean(EcgRecord record, EcgAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        return Clean(record, CleaningFor(record.SamplingRate, options));
    }

    /// <summary>
    /// The filters <paramref name="options"/> ask for, fitted to <paramref name="rate"/>: the low-pass edge comes down
    /// to 45 % of the rate for slowly sampled records.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The mains frequency is at or above the Nyquist frequency.</exception>
    public static CleaningApplied CleaningFor(SamplingRate rate, EcgAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MainsHz is { } mains && (mains <= 0 || mains >= rate.Hertz / 2))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                mains,
                $"A {mains:0.##} Hz notch needs a sampling rate above {2 * mains:0.##} Hz; the record has {rate}.");
        }

        return new CleaningApplied(options.HighPassHz, Math.Min(options.LowPassHz, 0.45 * rate.Hertz), options.MainsHz);
    }

    private static EcgRecord Clean(EcgRecord record, CleaningApplied cleaning)
    {
        var cleaned = EcgFilters.BandPass(record, cleaning.HighPassHz, cleaning.LowPassHz);
        return cleaning.NotchHz is { } mains ? EcgFilters.Notch(cleaned, mains) : cleaned;
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
            BeatSegmenter.Template(cleaned, peaks, rate, options.BeatWindow));
    }
}
