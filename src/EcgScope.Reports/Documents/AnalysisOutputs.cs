using System.Globalization;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Reports.Documents;

// The JSON of `ecgscope analyze` is made of these CLI-owned records, mapped field by field from the library's results,
// so that renaming a library property or enum member cannot change what scripts read. Snapshot tests pin the shape.

/// <summary>The analysis steps and the signal every measure was taken from.</summary>
public sealed record PipelineOutput(string Steps, double HighPassHz, double LowPassHz, double? NotchHz, IReadOnlyList<MeasureInputOutput> Measures)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static PipelineOutput From(AnalysisPipeline pipeline) => new(
        pipeline.Steps,
        pipeline.Cleaning.HighPassHz,
        pipeline.Cleaning.LowPassHz,
        pipeline.Cleaning.NotchHz,
        [.. pipeline.Measures.Select(m => new MeasureInputOutput(m.Measure, InputName(m.Input), m.Reason))]);

    /// <summary>The input as words and as the JSON value.</summary>
    public static string InputName(AnalysisInput input) => input switch
    {
        AnalysisInput.RawLead => "raw lead",
        AnalysisInput.NotchedLead => "notched lead",
        AnalysisInput.BandPassedLead => "band-passed lead",
        AnalysisInput.CorrectedRPeaks => "corrected R-peaks",
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
    };
}

/// <summary>One measure and its input.</summary>
public sealed record MeasureInputOutput(string Measure, string Input, string Reason);

/// <summary>The record-level summary over the leads.</summary>
public sealed record SummaryOutput(
    double? ConsensusHeartRateBpm,
    IReadOnlyList<string> HeartRateLeads,
    string? ReferenceLead,
    double? IrregularIntervalPercent,
    string Regularity,
    string WorstVerdict,
    IReadOnlyList<string> WorstLeads,
    int? FusedBeatCount,
    double? FusedHeartRateBpm,
    IntervalsOutput Intervals,
    IReadOnlyList<string> TWaveInvertedLeads)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static SummaryOutput From(RecordSummary summary) => new(
        summary.ConsensusHeartRateBpm,
        summary.HeartRateLeads,
        summary.ReferenceLead,
        summary.IrregularIntervalShare * 100,
        summary.Regularity switch
        {
            RhythmRegularity.Regular => "regular",
            RhythmRegularity.Irregular => "irregular",
            _ => "unknown",
        },
        QualityOutput.VerdictName(summary.WorstVerdict),
        summary.WorstLeads,
        summary.FusedBeatCount,
        summary.FusedHeartRateBpm,
        IntervalsOutput.From(summary.Intervals),
        summary.TWaveInvertedLeads);
}

/// <summary>The intervals from wave delineation, ms; null where not measurable.</summary>
public sealed record IntervalsOutput(
    double? PrMilliseconds,
    double? QrsMilliseconds,
    double? QtMilliseconds,
    double? QtcBazettMilliseconds,
    double? QtcFridericiaMilliseconds)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static IntervalsOutput From(WaveIntervals intervals) => new(
        intervals.PrMilliseconds,
        intervals.QrsMilliseconds,
        intervals.QtMilliseconds,
        intervals.QtcBazettMilliseconds,
        intervals.QtcFridericiaMilliseconds);

    /// <summary>"PR 160 ms, QRS 92 ms, QT 380 ms, QTc 402 ms (Bazett) / 395 ms (Fridericia)", "–" where not measured.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"PR {Ms(PrMilliseconds)}, QRS {Ms(QrsMilliseconds)}, QT {Ms(QtMilliseconds)}, QTc {Ms(QtcBazettMilliseconds)} (Bazett) / {Ms(QtcFridericiaMilliseconds)} (Fridericia)");

    private static string Ms(double? milliseconds) =>
        milliseconds is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms" : "–";
}

/// <summary>One lead's wave delineation: its intervals and repolarisation measures, or why it was not measured.</summary>
public sealed record WavesOutput(
    int DelineatedBeats,
    IntervalsOutput Intervals,
    double? TAmplitudeMillivolts,
    bool? TWaveInverted,
    double? StDeviationMillivolts,
    string? NotMeasuredReason)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static WavesOutput From(LeadWaveMeasures waves) => new(
        waves.DelineatedBeats,
        IntervalsOutput.From(waves.Intervals),
        waves.Repolarisation.TAmplitudeMillivolts,
        waves.Repolarisation.TWaveInverted,
        waves.Repolarisation.StDeviationMillivolts,
        waves.NotMeasuredReason);
}

/// <summary>Beats changed by artefact correction, by class.</summary>
public sealed record RrCorrectionsOutput(int Ectopic, int Missed, int Extra, int LongShort, int Total)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static RrCorrectionsOutput From(RrCorrectionCounts counts) =>
        new(counts.Ectopic, counts.Missed, counts.Extra, counts.LongShort, counts.Total);
}

/// <summary>Time-domain HRV (Task Force 1996).</summary>
public sealed record HrvTimeDomainOutput(
    double MeanNnMs,
    double SdnnMs,
    double RmssdMs,
    double SdsdMs,
    double Pnn50Percent,
    double Pnn20Percent,
    double MedianNnMs,
    double MinNnMs,
    double MaxNnMs,
    double CvNn,
    double MeanHeartRateBpm,
    double TriangularIndex,
    int NnCount,
    int SuccessiveDifferenceCount)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static HrvTimeDomainOutput From(HrvTimeDomain t) => new(
        t.MeanNnMs, t.SdnnMs, t.RmssdMs, t.SdsdMs, t.Pnn50Percent, t.Pnn20Percent, t.MedianNnMs, t.MinNnMs, t.MaxNnMs,
        t.CvNn, t.MeanHeartRateBpm, t.TriangularIndex, t.NnCount, t.SuccessiveDifferenceCount);
}

/// <summary>Frequency-domain HRV (Task Force 1996 bands).</summary>
public sealed record HrvFrequencyDomainOutput(
    double? VlfMs2, double LfMs2, double HfMs2, double LfPeakHz, double HfPeakHz, double LfHfRatio, double LfNu, double HfNu, double TotalMs2)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static HrvFrequencyDomainOutput From(HrvFrequencyDomain f) =>
        new(f.VlfMs2, f.LfMs2, f.HfMs2, f.LfPeakHz, f.HfPeakHz, f.LfHfRatio, f.LfNu, f.HfNu, f.TotalMs2);
}

/// <summary>Poincaré SD1/SD2.</summary>
public sealed record PoincareOutput(double Sd1Ms, double Sd2Ms, double Sd1Sd2Ratio)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static PoincareOutput From(PoincarePlot p) => new(p.Sd1Ms, p.Sd2Ms, p.Sd1Sd2Ratio);
}

/// <summary>Signal quality of one lead: the verdict and every index behind it.</summary>
public sealed record QualityOutput(string Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<QualityIndexOutput> Indices)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static QualityOutput From(LeadQuality quality) => new(
        VerdictName(quality.Verdict),
        [.. quality.Reasons],
        [.. quality.Indices.Select(i => new QualityIndexOutput(i.Name, i.Value, LevelName(i.Level), RuleSetName(i.RuleSet), i.Explanation))]);

    /// <summary>The verdict as the JSON value and the text print it.</summary>
    public static string VerdictName(QualityVerdict verdict) => verdict switch
    {
        QualityVerdict.Excellent => "excellent",
        QualityVerdict.Acceptable => "acceptable",
        QualityVerdict.Unacceptable => "unacceptable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    private static string LevelName(QualityLevel level) => level switch
    {
        QualityLevel.Optimal => "optimal",
        QualityLevel.Suspicious => "suspicious",
        QualityLevel.Unqualified => "unqualified",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static string RuleSetName(QualityRuleSet ruleSet) => ruleSet switch
    {
        QualityRuleSet.Zhao2018 => "zhao2018",
        QualityRuleSet.Orphanidou2015 => "orphanidou2015",
        QualityRuleSet.RecordingDefects => "recordingDefects",
        _ => throw new ArgumentOutOfRangeException(nameof(ruleSet), ruleSet, null),
    };
}

/// <summary>One quality index.</summary>
public sealed record QualityIndexOutput(string Name, double Value, string Level, string RuleSet, string Explanation);
