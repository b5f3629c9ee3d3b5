using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Signal.Analysis;

/// <summary>Everything measured on one lead.</summary>
/// <param name="LeadName">The lead.</param>
/// <param name="RPeaks">R-peak sample indices as detected, ascending.</param>
/// <param name="Corrected">The R-peaks after artefact correction (Lipponen &amp; Tarvainen 2019) and how many beats
/// were corrected; heart rate and HRV use these.</param>
/// <param name="HeartRate">Heart rate from the corrected R-peaks; null with fewer than two.</param>
/// <param name="Hrv">Heart-rate variability of the corrected R-peaks, each measure available or with the reason it is not.</param>
/// <param name="Quality">Signal quality of the lead before the band-pass (see <see cref="AnalysisPipeline"/>).</param>
/// <param name="Template">The median beat of the band-passed lead and each beat's correlation with it; null without beats.</param>
/// <param name="Waves">Intervals (PR, QRS, QT, QTc) and repolarisation measures (T amplitude, T-wave inversion, ST
/// deviation) from wave delineation, or why they were not measured.</param>
public sealed record LeadAnalysis(
    string LeadName,
    ImmutableArray<int> RPeaks,
    CorrectedRPeaks Corrected,
    HeartRateSummary? HeartRate,
    HrvReport Hrv,
    LeadQuality Quality,
    LeadBeatTemplate? Template,
    LeadWaveMeasures Waves);

/// <summary>The result of <see cref="EcgAnalysis.Analyze"/>.</summary>
/// <param name="Cleaned">The notched (when asked) and band-passed record the beats were cut from.</param>
/// <param name="Leads">One analysis per lead, in the record's order.</param>
/// <param name="Summary">The record-level summary over the leads.</param>
/// <param name="Pipeline">The filters applied and which signal each measure was taken from.</param>
/// <param name="DetectorName">The R-peak detector that was used.</param>
/// <param name="Options">The options the analysis ran with.</param>
public sealed record EcgAnalysisResult(
    EcgRecord Cleaned,
    ImmutableArray<LeadAnalysis> Leads,
    RecordSummary Summary,
    AnalysisPipeline Pipeline,
    string DetectorName,
    EcgAnalysisOptions Options);

/// <summary>The cleaning filters applied to a record, all zero-phase.</summary>
/// <param name="HighPassHz">Lower band edge (baseline wander removal), Hz.</param>
/// <param name="LowPassHz">Upper band edge, Hz (lowered for slowly sampled records).</param>
/// <param name="NotchHz">Mains notch, Hz, or null for none.</param>
public sealed record CleaningApplied(double HighPassHz, double LowPassHz, double? NotchHz);
