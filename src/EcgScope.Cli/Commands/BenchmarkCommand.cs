using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Core;
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
            Description = $"Detectors to score (repeatable): {DetectorNames.List}. Default: all.",
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
            IReadOnlyList<IRPeakDetector> detectors = names.Length == 0 ? RPeakDetectors.All : [.. names.Select(DetectorNames.Resolve)];
            var leadIndex = parse.GetValue(lead);
            var timingRuns = parse.GetValue(runs);
            if (leadIndex < 0)
            {
                throw new UsageException($"--lead {leadIndex}: a lead index counts from 0.");
            }

            if (timingRuns < 1)
            {
                throw new UsageException($"--timing-runs {timingRuns}: at least one run is needed to time a detector.");
            }

            var options = QrsBenchmarkOptions.Default with { LeadIndex = leadIndex, TimingRuns = timingRuns };
            var records = QrsBenchmark.FindRecords(folder);
            if (records.Count == 0)
            {
                throw new UsageException($"--data {folder}: no WFDB record with a .atr reference annotation file there.");
            }

            var result = ConsoleProgress.Run("scoring detectors", progress => QrsBenchmark.Run(
                records,
                detectors,
                path => ReadWithLead(path, leadIndex),
                options,
                progress,
                cancellationToken));
            return BenchmarkQrsReport.From(folder, result);
        })));
        return command;
    }

    private static EcgRecord ReadWithLead(string path, int leadIndex)
    {
        var record = EcgFile.Read(path);
        return leadIndex < record.Leads.Length
            ? record
            : throw new UsageException($"--lead {leadIndex}: {Path.GetFileName(path)} has {record.Leads.Length} leads ({string.Join(", ", record.LeadNames)}), numbered from 0.");
    }
}
