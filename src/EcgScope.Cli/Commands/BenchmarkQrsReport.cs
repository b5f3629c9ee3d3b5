using System.Globalization;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Benchmarking;
using EcgScope.Signal.Detection;

namespace EcgScope.Cli.Commands;

/// <summary>One condition of a benchmark (clean, or a noise at one SNR) and its result.</summary>
internal sealed record BenchmarkRun(string Label, string? NoiseName, double? SnrDecibels, QrsBenchmarkResult Result);

/// <summary>What <c>ecgscope benchmark qrs</c> prints: per condition, scores per detector, per case and in total.</summary>
internal sealed record BenchmarkQrsReport(
    string Data,
    int CaseCount,
    double ToleranceMs,
    double WarmUpSeconds,
    bool FusedLeads,
    IReadOnlyList<RunReport> Runs) : ITextReport
{
    /// <summary>Up to this many cases a text report lists every case; beyond it, totals only (JSON has every case).</summary>
    private const int MostRowsInText = 60;

    public static BenchmarkQrsReport From(string data, QrsBenchmarkOptions options, IReadOnlyList<BenchmarkRun> runs) => new(
        data,
        runs.Count == 0 || runs[0].Result.Detectors.IsEmpty ? 0 : runs[0].Result.Detectors[0].Cases.Length,
        options.Tolerance.TotalMilliseconds,
        options.WarmUp.TotalSeconds,
        options.FuseLeads,
        [.. runs.Select(RunReport.From)]);

    public void WriteText(TextWriter writer)
    {
        var fused = FusedLeads ? ", beats fused across all leads" : "";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"QRS detection on {CaseCount} cases in {Data}: ±{ToleranceMs:0} ms one-to-one matching{fused}"));
        var perCase = CaseCount <= MostRowsInText && Runs.Count == 1;
        foreach (var run in Runs)
        {
            writer.WriteLine();
            writer.WriteLine(run.Condition);
            writer.WriteLine("  detector / case      beats      TP     FP     FN    Se %    +P %    F1 %  | after warm-up: Se %   +P %   F1 %      ms");
            foreach (var detector in run.Detectors)
            {
                if (perCase)
                {
                    writer.WriteLine($"  {detector.Detector}");
                    foreach (var row in detector.Cases)
                    {
                        WriteRow(writer, "  " + row.Case, row.Whole, row.AfterWarmUp, row.MedianMilliseconds);
                    }
                }

                WriteRow(writer, perCase ? "  total" : detector.Detector, detector.Total, detector.TotalAfterWarmUp, detector.MedianMillisecondsPerCase);
            }
        }

        if (!perCase)
        {
            writer.WriteLine();
            writer.WriteLine("Per-case rows: --format json. \"-\": no reference beat in that span, so no score.");
        }
    }

    private static void WriteRow(TextWriter writer, string name, ScoreReport whole, ScoreReport after, double milliseconds) =>
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {name,-18} {whole.ReferenceBeats,8} {whole.TruePositives,7} {whole.FalsePositives,6} {whole.FalseNegatives,6} {Percent(whole.SensitivityPercent),7} {Percent(whole.PositivePredictivityPercent),7} {Percent(whole.F1Percent),7}  |              {Percent(after.SensitivityPercent),6} {Percent(after.PositivePredictivityPercent),6} {Percent(after.F1Percent),6} {milliseconds,7:0.00}"));

    private static string Percent(double value) =>
        double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}

/// <summary>One condition: clean, or a noise record added at one SNR.</summary>
internal sealed record RunReport(string Condition, string? Noise, double? SnrDb, IReadOnlyList<DetectorReport> Detectors)
{
    public static RunReport From(BenchmarkRun run) =>
        new(run.Label, run.NoiseName, run.SnrDecibels, [.. run.Result.Detectors.Select(DetectorReport.From)]);
}

/// <summary>One detector's scores.</summary>
internal sealed record DetectorReport(
    string Detector,
    ScoreReport Total,
    ScoreReport TotalAfterWarmUp,
    double MedianMillisecondsPerCase,
    double SamplesPerSecond,
    IReadOnlyList<CaseScoreReport> Cases)
{
    public static DetectorReport From(QrsDetectorResult result) => new(
        result.Detector,
        ScoreReport.From(result.Total),
        ScoreReport.From(result.TotalAfterWarmUp),
        result.MedianMillisecondsPerCase,
        result.SamplesPerSecond,
        [.. result.Cases.Select(row => new CaseScoreReport(row.Case, ScoreReport.From(row.Whole), ScoreReport.From(row.AfterWarmUp), row.MedianMilliseconds))]);
}

/// <summary>One case's scores for one detector.</summary>
internal sealed record CaseScoreReport(string Case, ScoreReport Whole, ScoreReport AfterWarmUp, double MedianMilliseconds);

/// <summary>Detection counts and the standard figures, in percent (null in JSON where there is nothing to score).</summary>
internal sealed record ScoreReport(
    int ReferenceBeats,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double SensitivityPercent,
    double PositivePredictivityPercent,
    double F1Percent)
{
    public static ScoreReport From(DetectionScore score) => new(
        score.ReferenceCount,
        score.TruePositives,
        score.FalsePositives,
        score.FalseNegatives,
        100 * score.Sensitivity,
        100 * score.PositivePredictivity,
        100 * score.F1);
}
