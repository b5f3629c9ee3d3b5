using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Formats;
using EcgScope.Signal.Detection;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope benchmark qrs --data DIR</c>: scores the R-peak detectors on annotated records.</summary>
internal static class BenchmarkCommand
{
    public static Command Create() => new("benchmark", "Measure EcgScope's algorithms against reference data.") { CreateQrs() };

    private static Command CreateQrs()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "A folder of WFDB records with reference beat annotations (.atr), for example MIT-BIH Arrhythmia.",
            Required = true,
        };
        var detector = new Option<string[]>("--detector")
        {
            Description = $"Detectors to score (repeatable): {string.Join(", ", RPeakDetectors.All.Select(d => d.Name))}. Default: all.",
        };
        var lead = new Option<int>("--lead") { Description = "Index of the lead to detect on. Default: 0 (MLII in most MIT-BIH records)." };
        var runs = new Option<int>("--timing-runs")
        {
            Description = "Runs per record for timing; the median is reported.",
            DefaultValueFactory = _ => QrsBenchmarkOptions.Default.TimingRuns,
        };
        var format = new CommonOptions().Format;
        var command = new Command("qrs", "Score R-peak detectors (TP, FP, FN, Se, +P, F1 per record and in total, ±150 ms one-to-one) and time them.")
        {
            data, detector, lead, runs, format,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var folder = parse.GetRequiredValue(data).FullName;
            var names = parse.GetValue(detector) ?? [];
            IReadOnlyList<IRPeakDetector> detectors = names.Length == 0 ? RPeakDetectors.All : [.. names.Select(RPeakDetectors.Find)];
            var options = QrsBenchmarkOptions.Default with { LeadIndex = parse.GetValue(lead), TimingRuns = parse.GetValue(runs) };
            var records = QrsBenchmark.FindRecords(folder);
            if (records.Count == 0)
            {
                throw new ArgumentException($"{folder}: no WFDB record with a .atr reference annotation file.");
            }

            var result = ConsoleProgress.Run("scoring detectors", progress => QrsBenchmark.Run(
                records,
                detectors,
                path => EcgFile.Read(path),
                options,
                progress,
                cancellationToken));
            return BenchmarkQrsReport.From(folder, result);
        })));
        return command;
    }
}
