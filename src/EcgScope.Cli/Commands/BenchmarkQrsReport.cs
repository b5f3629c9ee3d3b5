using System.Globalization;
using EcgScope.Cli.Output;
using EcgScope.Signal.Detection;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope benchmark qrs</c> prints: scores per detector, per record and in total.</summary>
internal sealed record BenchmarkQrsReport(
    string Data,
    int RecordCount,
    double ToleranceMs,
    double WarmUpSeconds,
    int LeadIndex,
    IReadOnlyList<DetectorReport> Detectors) : ITextReport
{
    public static BenchmarkQrsReport From(string data, QrsBenchmarkResult result) => new(
        data,
        result.Detectors.IsEmpty ? 0 : result.Detectors[0].Records.Length,
        result.Options.Tolerance.TotalMilliseconds,
        result.Options.WarmUp.TotalSeconds,
        result.Options.LeadIndex,
        [.. result.Detectors.Select(DetectorReport.From)]);

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"QRS detection on {RecordCount} records in {Data}: lead {LeadIndex}, ±{ToleranceMs:0} ms one-to-one matching"));
        foreach (var detector in Detectors)
        {
            writer.WriteLine();
            writer.WriteLine($"{detector.Detector}");
            writer.WriteLine("  record      beats      TP     FP     FN    Se %    +P %    F1 %  | after 5 min: Se %   +P %    ms");
            foreach (var row in detector.Records)
            {
                WriteRow(writer, row.Record, row.Whole, row.AfterWarmUp, row.MedianMilliseconds);
            }

            WriteRow(writer, "total", detector.Total, detector.TotalAfterWarmUp, detector.MedianMillisecondsPerRecord);
            writer.WriteLine(string.Create(
                text,
                $"  median {detector.MedianMillisecondsPerRecord:0.00} ms per record, {detector.SamplesPerSecond / 1e6:0.0} million samples/s"));
        }
    }

    private static void WriteRow(TextWriter writer, string name, ScoreReport whole, ScoreReport after, double milliseconds) =>
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {name,-8} {whole.ReferenceBeats,8} {whole.TruePositives,7} {whole.FalsePositives,6} {whole.FalseNegatives,6} {whole.SensitivityPercent,7:0.00} {whole.PositivePredictivityPercent,7:0.00} {whole.F1Percent,7:0.00}  |              {after.SensitivityPercent,6:0.00} {after.PositivePredictivityPercent,6:0.00} {milliseconds,6:0.00}"));
}

/// <summary>One detector's scores.</summary>
internal sealed record DetectorReport(
    string Detector,
    ScoreReport Total,
    ScoreReport TotalAfterWarmUp,
    double MedianMillisecondsPerRecord,
    double SamplesPerSecond,
    IReadOnlyList<RecordScoreReport> Records)
{
    public static DetectorReport From(QrsDetectorResult result) => new(
        result.Detector,
        ScoreReport.From(result.Total),
        ScoreReport.From(result.TotalAfterWarmUp),
        result.MedianMillisecondsPerRecord,
        result.SamplesPerSecond,
        [.. result.Records.Select(row => new RecordScoreReport(row.Record, ScoreReport.From(row.Whole), ScoreReport.From(row.AfterWarmUp), row.MedianMilliseconds))]);
}

/// <summary>One record's scores for one detector.</summary>
internal sealed record RecordScoreReport(string Record, ScoreReport Whole, ScoreReport AfterWarmUp, double MedianMilliseconds);

/// <summary>Detection counts and the standard figures, in percent.</summary>
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
