using System.Globalization;
using System.Text;
using EcgScope.Formats;
using EcgScope.Signal.Detection;

namespace EcgScope.Benchmarks;

/// <summary>
/// Prints the MIT-BIH QRS detection table of docs/qrs-benchmark.md: every detector on every record of a folder,
/// whole record and after the first 5 minutes, with the median time of 5 runs.
/// Usage: <c>dotnet run -c Release --project bench/EcgScope.Benchmarks -- qrs-table [mitdb folder]</c>.
/// </summary>
internal static class QrsTable
{
    public static void Print(string folder)
    {
        var result = QrsBenchmark.Run(folder, [new RobustEnvelopeDetector(), new PanTompkins1985Detector()], path => EcgFile.Read(path));
        var text = new StringBuilder();
        foreach (var detector in result.Detectors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### {detector.Detector}").AppendLine()
                .AppendLine("| record | TP | FP | FN | Se % | +P % | F1 % | TP ≥5 min | FP ≥5 min | FN ≥5 min | Se % ≥5 min | +P % ≥5 min | ms |")
                .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in detector.Records)
            {
                text.AppendLine(Row(row.Record, row.Whole, row.AfterWarmUp, row.MedianMilliseconds));
            }

            text.AppendLine(Row("**total**", detector.Total, detector.TotalAfterWarmUp, detector.MedianMillisecondsPerRecord))
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Median time per record: {detector.MedianMillisecondsPerRecord:F2} ms; throughput {detector.SamplesPerSecond / 1e6:F1} million samples/s.")
                .AppendLine();
        }

        Console.Write(text.ToString());
    }

    private static string Row(string name, DetectionScore whole, DetectionScore late, double milliseconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {whole.TruePositives} | {whole.FalsePositives} | {whole.FalseNegatives} | {100 * whole.Sensitivity:F2} | {100 * whole.PositivePredictivity:F2} | {100 * whole.F1:F2} | {late.TruePositives} | {late.FalsePositives} | {late.FalseNegatives} | {100 * late.Sensitivity:F2} | {100 * late.PositivePredictivity:F2} | {milliseconds:F2} |");
}
