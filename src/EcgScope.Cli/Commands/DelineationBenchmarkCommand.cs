using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Formats.Wfdb;
using EcgScope.Signal.Benchmarking;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope benchmark delineation --data DIR [--records odd|even|all]</c>: scores wave delineation and the measures
/// <c>analyze</c> takes from it against records annotated per lead (LUDB's data folder).
/// </summary>
internal static class DelineationBenchmarkCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "A folder of WFDB records with one wave annotation file per lead (LUDB's data folder: 1.hea, 1.dat, 1.i, 1.ii, ...).",
            Required = true,
        };
        var records = new Option<RecordParity>("--records")
        {
            Description = "Which records by number: odd (the delineator was tuned on these), even (held out) or all.",
            DefaultValueFactory = _ => RecordParity.All,
        };
        var format = new CommonOptions().Format;
        var command = new Command(
            "delineation",
            "Score wave delineation per lead (Se, +P, mean and SD of the timing error of P, QRS and T onsets, peaks and offsets, ±150 ms) and compare analyze's T amplitude, ST deviation, PR, QRS and QT with the same measures at the annotated points.")
        {
            data, records, format,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var folder = parse.GetRequiredValue(data).FullName;
            var parity = parse.GetValue(records);
            var headers = WfdbDatabase.FindRecords(folder)
                .Where(header => parity.Includes(Path.GetFileNameWithoutExtension(header)))
                .Where(header => QrsBenchmarkCases.AnnotatedRecord.Find(header) is { PerLead: true })
                .ToList();
            if (headers.Count == 0)
            {
                throw new UsageException($"--data {folder}: no WFDB record with one wave annotation file per lead (as in LUDB) among the {parity.ToString().ToLowerInvariant()} records there.");
            }

            var result = ConsoleProgress.Run("delineating", progress => DelineationBenchmark.Run(
                headers.Select(WfdbDatabase.ReadWithLeadAnnotations), headers.Count, progress, cancellationToken));
            return BenchmarkDelineationReport.From(folder, parity, result);
        })));
        return command;
    }
}
