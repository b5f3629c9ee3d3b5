using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Trees;

namespace EcgScope.Training;

/// <summary><c>printout-features</c>: digitize every distinct printout, cross-validate trees on its signal features, figures as JSON.</summary>
internal static class PrintoutFeaturesCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "printout-features";

    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The cardiac-patients folder (four class folders and manifest.csv).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where the figures (printout-features-cv.json) go.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (by distinct image, stratified by class).", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds, the trees and the bootstrap.", DefaultValueFactory = _ => 2017 };
        var threads = new Option<int>("--threads") { Description = "Threads for digitizing and for the trees.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Where the feature table is cached (default ~/.cache/ecgscope/work)." };
        var command = new Command(Name, "Digitize each distinct printout, describe it by per-lead morphology and rhythm-strip features, and cross-validate gradient-boosted trees on them.")
        {
            data, output, folds, seed, threads, cache,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new PrintoutExperimentOptions(parse.GetValue(folds), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(cache)?.FullName);
            var printouts = CardiacPrintouts.Distinct(parse.GetValue(data)!.FullName);
            Console.Error.WriteLine($"{printouts.Count} distinct printouts; digitizing those not in the feature cache ...");
            var table = PrintoutFeatureExperiment.Table(
                printouts, options, new SynchronousProgress<WorkProgress>(p => Console.Error.WriteLine($"  {p.Completed}/{p.Total} {p.CurrentItem}")), cancellationToken);
            var result = PrintoutFeatureExperiment.CrossValidate(printouts, table, options, cancellationToken);
            var directory = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(directory);
            var json = JsonSerializer.Serialize(result, ModelCard.JsonOptions);
            File.WriteAllText(Path.Combine(directory, "printout-features-cv.json"), json);
            Console.WriteLine(json);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"macro F1 {result.Evaluation.MacroF1.Estimate:0.000} ({result.Evaluation.MacroF1.Lower:0.000}-{result.Evaluation.MacroF1.Upper:0.000}), out-of-fold"));
            return Task.FromResult(0);
        });
        return command;
    }
}
