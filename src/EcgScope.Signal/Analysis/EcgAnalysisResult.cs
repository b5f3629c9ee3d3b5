using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Signal.Analysis;

/// <summary>Everything measured on one lead.</summary>
/// <param name="LeadName">The lead.</param>
/// <param name="RPeaks">R-peak sample indices, ascending.</param>
/// <param name="HeartRate">Heart rate from the R-peaks; null with fewer than two.</param>
/// <param name="Hrv">Heart-rate variability, each measure available or with the reason it is not.</param>
/// <param name="Quality">Signal quality of the raw lead.</param>
/// <param name="Template">The median beat of the cleaned lead and each beat's correlation with it; null without beats.</param>
public sealed record LeadAnalysis(
    string LeadName,
    ImmutableArray<int> RPeaks,
    HeartRateSummary? HeartRate,
    HrvReport Hrv,
    LeadQuality Quality,
    LeadBeatTemplate? Template);

/// <summary>The result of <see cref="EcgAnalysis.Analyze"/>.</summary>
/// <param name="Cleaned">The band-passed (and notched) record the beats were cut from.</param>
/// <param name="Leads">One analysis per lead, in the record's order.</param>
/// <param name="DetectorName">The R-peak detector that was used.</param>
/// <param name="Cleaning">The filters actually applied.</param>
/// <param name="Options">The options the analysis ran with.</param>
public sealed record EcgAnalysisResult(
    EcgRecord Cleaned, ImmutableArray<LeadAnalysis> Leads, string DetectorName, CleaningApplied Cleaning, EcgAnalysisOptions Options);

/// <summary>The cleaning filters applied to a record, all zero-phase.</summary>
/// <param name="HighPassHz">Lower band edge (baseline wander removal), Hz.</param>
/// <param name="LowPassHz">Upper band edge, Hz (lowered for slowly sampled records).</param>
/// <param name="NotchHz">Mains notch, Hz, or null for none.</param>
public sealed record CleaningApplied(double HighPassHz, double LowPassHz, double? NotchHz);
