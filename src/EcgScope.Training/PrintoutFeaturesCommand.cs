using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Packaging;
using EcgScope.ML.Trees;

namespace EcgScope.Training;

/// <summary><c>printout-features</c>: digitize every distinct printout, cross-validate trees on its signal features, figures as JSON.</summary>
internal static class PrintoutFeaturesCommand
{
    /// <summary>The figures file's JSON: a precision is undefined (NaN) for a class never predicted, written as "NaN", not refused.</summary>
    private static readonly JsonSerializerOptions FiguresJson = new(ModelCard.JsonOptions) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The verb's name.</summary>
    public const string Name = "printout-features";

    /// <summary>The cross-validation's figures file in the --out folder.</summary>
    private const string FiguresFile = "printout-features-cv.json";

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
            var json = JsonSerializer.Serialize(result, FiguresJson);
            File.WriteAllText(Path.Combine(directory, FiguresFile), json);
            Console.WriteLine(json);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"macro F1 {result.Evaluation.MacroF1.Estimate:0.000} ({result.Evaluation.MacroF1.Lower:0.000}-{result.Evaluation.MacroF1.Upper:0.000}), out-of-fold"));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary><c>package printout-features</c>: trees on every printout's features, as ONNX, with the cross-validation's figures on the card.</summary>
    public static Command Package()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The cardiac-patients folder the cross-validation ran on.", Required = true };
        var crossValidation = new Option<DirectoryInfo>("--cv") { Description = "The --out folder of printout-features (holding printout-features-cv.json).", Required = true };
        var root = new Option<DirectoryInfo>("--root") { Description = "The repository root (models/ and the card's charts in docs/models/ are written there).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var seed = new Option<int>("--seed") { Description = "Seed of the trees.", DefaultValueFactory = _ => 2017 };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Where the feature table is cached (default ~/.cache/ecgscope/work)." };
        var command = new Command(Name, "Train the printout feature model on every printout, export it to ONNX and write its card.") { data, crossValidation, root, seed, cache };
        command.SetAction((parse, cancellationToken) =>
        {
            var figures = Path.Combine(parse.GetValue(crossValidation)!.FullName, FiguresFile);
            var result = JsonSerializer.Deserialize<PrintoutFeatureResult>(File.ReadAllText(figures), ModelCard.JsonOptions)
                ?? throw new InvalidDataException($"{figures}: empty.");
            var options = new PrintoutExperimentOptions(Seed: parse.GetValue(seed), Threads: Environment.ProcessorCount, CacheFolder: parse.GetValue(cache)?.FullName);
            var printouts = CardiacPrintouts.Distinct(parse.GetValue(data)!.FullName);
            var table = PrintoutFeatureExperiment.Table(printouts, options, cancellationToken: cancellationToken);
            var card = PrintoutFeaturesPackage.Write(printouts, table, result, options, parse.GetValue(root)!.FullName);
            Console.WriteLine(string.Join(Environment.NewLine, card.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}"))));
            return Task.FromResult(0);
        });
        return command;
    }
}
