using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Signal.Analysis;

/// <summary>
/// The common analysis of an ECG, composed of the library's steps for every lead: the mains notch when asked, R-peak
/// detection and signal quality on the notched lead (each defines its own filtering), artefact correction of the
/// R-peaks, heart rate and HRV from the corrected R-peaks, the median beat of the band-passed lead, wave delineation
/// with its intervals and repolarisation measures on the notched lead; then a record-level summary. <see cref="EcgAnalysisResult.Pipeline"/> says which signal each measure used.
/// </summary>
public static class EcgAnalysis
{
    /// <summary>
    /// Lowest sampling rate analysed, in Hz: a QRS complex (80–120 ms) needs about two samples, and both detectors
    /// find every beat of a synthetic ECG at this rate.
    /// </summary>
    public const double MinimumSamplingRateHz = 20;

    /// <summary>Analyses every lead of <paramref name="record"/>, reporting one step per lead.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The record is sampled below <see cref="MinimumSamplingRateHz"/>,
    /// or the mains frequency is at or above its Nyquist frequency.</exception>
    public static EcgAnalysisResult Analyze(
        EcgRecord record,
        EcgAnalysisOptions? options = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        options ??= EcgAnalysisOptions.Default;
        if (record.SamplingRate.Hertz < MinimumSamplingRateHz)
        {
            throw new ArgumentOutOfRangeException(
                nameof(record), record.SamplingRate.Hertz, $"The analysis needs a sampling rate of at least {MinimumSamplingRateHz} Hz.");
        }

        var cleaning = CleaningFor(record.SamplingRate, options);
        var notched = Notch(record, cleaning);
        var cleaned = EcgFilters.BandPass(notched, cleaning.HighPassHz, cleaning.LowPassHz);
        var leads = ImmutableArray.CreateBuilder<LeadAnalysis>(record.Leads.Length);
        for (var index = 0; index < record.Leads.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress(index, record.Leads.Length, record.Leads[index].Name));
            leads.Add(AnalyzeLead(notched.Leads[index], cleaned.Leads[index], record.SamplingRate, options));
        }

        progress?.Report(new WorkProgress(record.Leads.Length, record.Leads.Length));
        var analysed = leads.MoveToImmutable();
        return new EcgAnalysisResult(
            cleaned, analysed, RecordSummary.From(analysed, record.SamplingRate), AnalysisPipeline.For(cleaning, options.Detector.Name), options.Detector.Name, options);
    }

    /// <summary>The record notched (when asked) and band-passed as <paramref name="options"/> say.</summary>
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

    private static EcgRecord Clean(EcgRecord record, CleaningApplied cleaning) =>
        EcgFilters.BandPass(Notch(record, cleaning), cleaning.HighPassHz, cleaning.LowPassHz);

    private static EcgRecord Notch(EcgRecord record, CleaningApplied cleaning) =>
        cleaning.NotchHz is { } mains ? EcgFilters.Notch(record, mains) : record;

    private static LeadAnalysis AnalyzeLead(EcgLead unfiltered, EcgLead cleaned, SamplingRate rate, EcgAnalysisOptions options)
    {
        // Detectors carry the preprocessing their papers define, and the quality indices are defined on the
        // unfiltered lead, so both see the lead before the band-pass (notched when asked).
        var peaks = options.Detector.Detect(unfiltered.Span, rate);
        var corrected = RrArtifactCorrection.Correct(peaks, rate);
        var quality = SignalQuality.Assess(unfiltered.Name, unfiltered.Span, rate, peaks);
        return new LeadAnalysis(
            unfiltered.Name,
            [.. peaks],
            corrected,
            HeartRate.FromRPeaks(corrected.RPeaks.AsSpan(), rate),
            HrvAnalysis.FromRPeaks(corrected.RPeaks.AsSpan(), rate),
            quality,
            BeatSegmenter.Template(cleaned, peaks, rate, options.BeatWindow),
            MeasureWaves(unfiltered, rate, peaks, quality));
    }

    /// <summary>
    /// Delineates the lead the delineator was validated on (the lead as read, notched when asked: LUDB's leads are
    /// unfiltered) around the detected R-peaks; a lead judged unacceptable is not measured.
    /// </summary>
    private static LeadWaveMeasures MeasureWaves(EcgLead unfiltered, SamplingRate rate, int[] peaks, LeadQuality quality) =>
        quality.Verdict == QualityVerdict.Unacceptable
            ? LeadWaveMeasures.NotMeasured(unfiltered.Name, "signal quality unacceptable")
            : LeadWaveMeasures.Measure(unfiltered.Name, unfiltered.Span, rate, peaks);
}
