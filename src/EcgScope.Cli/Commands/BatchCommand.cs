using System.CommandLine;
using System.Globalization;
using EcgScope.Bulk.Batch;
using EcgScope.Cli.Output;
using EcgScope.Core;
using EcgScope.Inference.Models;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope batch DIR|MANIFEST --out results.csv</c>: every record of a folder or fetch manifest analysed on all
/// cores into one CSV row each, resumably. Exit 0 when every record has its row without error, <see cref="SomeFailed"/>
/// when some rows hold an error, <see cref="Cancelled"/> when stopped (Ctrl+C) before the end; a rerun resumes.
/// </summary>
internal static class BatchCommand
{
    /// <summary>Exit code when the run finished but some records could not be read or analysed.</summary>
    public const int SomeFailed = 1;

    /// <summary>Exit code when the run was stopped (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    private const int MaxParallelism = 1024;

    public static Command Create()
    {
        var input = new Argument<FileSystemInfo>("input")
        {
            Description = "A folder of ECG files (searched recursively; a WFDB record once, by its .hea) or a fetch manifest (manifest.jsonl: its files with status done).",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The results CSV: one row per record, appended as records finish; a rerun skips the records it holds (same file, length and time) and cuts off a row a crash left half-written.",
            Required = true,
        };
        var models = new Option<string[]>("--models")
        {
            Description = "The models to run (see 'ecgscope models'), by name, several or comma-separated; all by default.",
            AllowMultipleArgumentsPerToken = true,
        };
        var noModels = new Option<bool>("--no-models") { Description = "The analysis only: run no model." };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Run on an Orleans cluster: the one Cluster:ConnectionString names (PostgreSQL, see docs/scale-out.md), else a silo in this process.",
        };
        var parallelism = NumberOption.Count(
            "--parallelism", $"Records analysed at once, 1 to {MaxParallelism}. Default: Batch:Parallelism of the configuration, else the processor count ({Environment.ProcessorCount}).", 1, MaxParallelism, Environment.ProcessorCount);
        var modelOptions = new ModelOptions();
        var options = new CommonOptions();
        var command = new Command("batch", "Analyse every record of a folder or fetch manifest on all cores into a CSV, one row per record (measurements, quality, each model's verdict, or the error); resumable.")
        {
            input, output, models, noModels, parallelism, cluster,
        };
        modelOptions.AddTo(command);
        options.AddTo(command);
        // The work runs off the invoking thread: System.CommandLine listens for Ctrl+C only once the action has handed
        // back its task, and then turns it into the cancellation token, so that the records under way finish their rows.
        command.SetAction((parse, cancellationToken) => Task.Run(() =>
        {
            BatchReport? report = null;
            var exitCode = CommandRunner.Run(parse, parse.GetValue(options.Format), () =>
            {
                var resultsPath = ResultsPath(parse.GetRequiredValue(output));
                var source = Input(parse.GetRequiredValue(input), resultsPath);
                var settings = modelOptions.Load(parse, ("Batch:Parallelism", parse.GetResult(parallelism) is { Implicit: false } ? parse.GetValue(parallelism) : null));
                using var registry = settings.Models.OpenRegistry();
                var chosen = ChosenModels(registry, parse.GetValue(models) ?? [], parse.GetValue(noModels));
                var analyzer = new RecordAnalyzer(SupportedFiles.Reader, registry, chosen, options.ReadOptions(parse));
                using var results = OpenResults(resultsPath, analyzer.ModelNames);
                var summary = ConsoleProgress.Run("analysing", progress =>
                {
                    var shown = new SynchronousProgress<BatchProgress>(p => progress.Report(Shown(p)));
                    return (parse.GetValue(cluster)
                            ? ClusterRun.RunAsync(settings.Cluster, registry, source, results, analyzer.ModelNames, shown, cancellationToken)
                            : new BatchRunner(analyzer.Analyze, settings.Batch.Parallelism).RunAsync(source, results, shown, cancellationToken))
                        .GetAwaiter().GetResult();
                });
                return report = BatchReport.From(source.Root, analyzer.ModelNames, summary);
            });
            return exitCode != CommandRunner.Success ? exitCode
                : report is { Cancelled: true } ? Cancelled
                : report is { Failed: > 0 } ? SomeFailed
                : exitCode;
        }, CancellationToken.None));
        return command;
    }

    private static string ResultsPath(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new UsageException($"--out {file.FullName}: is a folder; give the results file's path.");
        }

        Directory.CreateDirectory(file.DirectoryName!);
        return file.FullName;
    }

    /// <summary>The records of a folder, or of a manifest file; the results file is never one of them.</summary>
    private static BatchInput Input(FileSystemInfo input, string resultsPath)
    {
        if (Directory.Exists(input.FullName))
        {
            return BatchInput.FromFolder(input.FullName, SupportedFiles.Reader, [resultsPath, resultsPath + ".tmp"]);
        }

        if (!File.Exists(input.FullName))
        {
            throw new UsageException($"{input.FullName}: no such folder or file.");
        }

        return input.Name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? BatchInput.FromManifest(input.FullName, SupportedFiles.Reader)
            : throw new UsageException($"{input.FullName}: give a folder or a fetch manifest (manifest.jsonl); to analyse one file use 'ecgscope analyze'.");
    }

    /// <summary>The models named (checked against the registry), all of them when none is named, none with --no-models.</summary>
    private static List<ModelCard> ChosenModels(ModelRegistry registry, string[] names, bool none)
    {
        var split = names.SelectMany(name => name.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (none)
        {
            return split.Count > 0 ? throw new UsageException("--no-models: cannot be combined with --models.") : [];
        }

        return split.Count == 0 ? [.. registry.Cards]
            : [.. split.Select(name => ModelsCommand.Known(registry.Cards, name, "--models")).DistinctBy(card => card.Name)];
    }

    private static BatchResultsFile OpenResults(string path, IReadOnlyList<string> models)
    {
        try
        {
            return BatchResultsFile.Open(path, models);
        }
        catch (InvalidDataException error)
        {
            throw new UsageException($"--out {error.Message}");
        }
    }

    /// <summary>The progress bar's words: the rate and the failures (the bar's own columns show the share done and the time left).</summary>
    private static WorkProgress Shown(BatchProgress progress) => new(
        progress.Completed,
        progress.Total,
        string.Create(CultureInfo.InvariantCulture, $"{progress.Completed}/{progress.Total}, {progress.RecordsPerSecond:0.0} records/s, {progress.Failed} failed"));
}
