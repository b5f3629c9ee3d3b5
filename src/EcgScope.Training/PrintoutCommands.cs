using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;
using EcgScope.ML.Packaging;
using EcgScope.ML.Printouts;
using EcgScope.ML.Training;

namespace EcgScope.Training;

/// <summary>The printout classifiers' verbs: cross-validation by distinct image, figures as JSON.</summary>
internal static class PrintoutCommands
{
    private static readonly Option<DirectoryInfo> Data = new("--data") { Description = "The cardiac-patients folder (four class folders and manifest.csv).", Required = true };
    private static readonly Option<DirectoryInfo> Output = new("--out") { Description = "Where checkpoints, out-of-fold predictions and figures go; a rerun resumes from them.", Required = true };
    private static readonly Option<int> Folds = new("--folds") { Description = "Cross-validation folds (by distinct image, stratified by class).", DefaultValueFactory = _ => 5 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the folds, batch order, augmentation and initialisation.", DefaultValueFactory = _ => 2017 };
    private static readonly Option<int> Threads = new("--threads") { Description = "CPU threads.", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary><c>printout-cnn</c>: the CNN from scratch, 5-fold CV by distinct image.</summary>
    public static Command Cnn()
    {
        var only = new Option<int[]>("--fold") { Description = "Run only these folds (1-based); all by default.", AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per fold.", DefaultValueFactory = _ => PrintoutCnnModel.Training.Epochs };
        var limit = new Option<int?>("--limit") { Description = "Train on at most this many images per epoch (a smoke test)." };
        var command = new Command(PrintoutCnnModel.Name, "The printout CNN trained from scratch with augmentation (normal / abnormal heartbeat / MI / history of MI).")
        {
            Data, Output, Folds, only, Seed, epochs, limit, Threads,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = PrintoutCnnModel.Training with
            {
                Epochs = parse.GetValue(epochs), Seed = parse.GetValue(Seed), RecordLimit = parse.GetValue(limit), Threads = parse.GetValue(Threads),
            };
            var records = CardiacPrintouts.Distinct(parse.GetValue(Data)!.FullName);
            Console.Error.WriteLine($"{records.Count} distinct printouts; reading their grid areas ...");
            using var images = PrintoutImages.Load(records, PrintoutCnnModel.Input, new PrintoutAugmentation(), cancellationToken);
            var assignment = StratifiedFolds.Assign([.. records.Select(r => r.Label)], parse.GetValue(Folds), options.Seed);
            var directory = parse.GetValue(Output)!.FullName;
            new CrossValidation(options, () => new PrintoutCnn(PrintoutCnnModel.Shape))
                .Run(images, assignment, parse.GetValue(only) ?? [], PrintoutCnnModel.EpochScore, directory, new SynchronousProgress<TrainingProgress>(TrainCommand.Print), cancellationToken);
            var folds = FoldPredictions.ReadAll(directory);
            if (folds.Count == parse.GetValue(Folds))
            {
                WriteFigures(directory, PrintoutCnnModel.Name, new Dictionary<string, PrintoutEvaluation>
                {
                    ["groupedByImage"] = PrintoutEvaluation.Of(folds, CardiacPrintouts.ClassNames, $"{records.Count} distinct printouts, {folds.Count} folds stratified by class, each image in one fold"),
                });
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>
    /// <c>printout-resnet18</c>: ImageNet ResNet-18 features and a logistic-regression head, 5-fold CV by distinct
    /// image, and for contrast on the 928 released files the same CV grouped by image and, wrongly, split by file.
    /// </summary>
    public static Command ResNet18()
    {
        var command = new Command(PrintoutResNet18Model.Name, "ImageNet ResNet-18 features (from its NuGet package) and a logistic-regression head, cross-validated by distinct image; also the wrong split by file, for contrast.")
        {
            Data, Output, Folds, Seed, Threads,
        };
        command.SetAction(parse =>
        {
            var data = parse.GetValue(Data)!.FullName;
            var directory = parse.GetValue(Output)!.FullName;
            var (folds, seed) = (parse.GetValue(Folds), parse.GetValue(Seed));
            var records = CardiacPrintouts.Distinct(data);
            Console.Error.WriteLine($"{records.Count} distinct printouts; ResNet-18 features ...");
            var features = BackboneFeatures.Load(
                records, PrintoutResNet18Model.Input, Path.Combine(directory, "features.csv"), parse.GetValue(Threads),
                new SynchronousProgress<int>(done => { if (done % 50 == 0) Console.Error.WriteLine($"  {done}/{records.Count}"); }));
            // Tiny full-batch steps: more libtorch threads than cores only make them wait for each other.
            TorchSharp.torch.set_num_threads(parse.GetValue(Threads));
            int[] labels = [.. records.Select(r => r.Label)];
            var byImage = Path.Combine(directory, "grouped-by-image");
            HeadTraining.CrossValidate(records, features, StratifiedFolds.Assign(labels, folds, seed), seed, byImage, PrintoutCnnModel.EpochScore);

            // The released files: copies of one image share its features; the split decides whether copies leak.
            var copyOf = CardiacPrintouts.ReleasedFiles(data, records);
            LabelledRecord[] files = [.. copyOf.Select((index, i) => records[index] with { Name = $"{records[index].Name}#{i}" })];
            float[][] fileFeatures = [.. copyOf.Select(index => features[index])];
            var groupedFiles = Path.Combine(directory, "files-grouped-by-image");
            var naiveFiles = Path.Combine(directory, "files-split-by-file-WRONG");
            HeadTraining.CrossValidate(files, fileFeatures, GroupedFolds.Assign(copyOf, labels, folds, seed), seed, groupedFiles, PrintoutCnnModel.EpochScore, (copyOf, labels));
            HeadTraining.CrossValidate(files, fileFeatures, StratifiedFolds.Assign([.. files.Select(f => f.Label)], folds, seed), seed, naiveFiles, PrintoutCnnModel.EpochScore);
            WriteFigures(directory, PrintoutResNet18Model.Name, new Dictionary<string, PrintoutEvaluation>
            {
                ["groupedByImage"] = PrintoutEvaluation.Of(FoldPredictions.ReadAll(byImage), CardiacPrintouts.ClassNames, $"{records.Count} distinct printouts, {folds} folds stratified by class, each image in one fold"),
                ["releasedFilesGroupedByImage"] = PrintoutEvaluation.Of(FoldPredictions.ReadAll(groupedFiles), CardiacPrintouts.ClassNames, $"the {files.Length} released files, {folds} folds, all copies of an image in one fold"),
                ["releasedFilesSplitByFileWrong"] = PrintoutEvaluation.Of(FoldPredictions.ReadAll(naiveFiles), CardiacPrintouts.ClassNames, $"WRONG, for contrast only: the {files.Length} released files split by file, so copies of test images are in training"),
            });
            return 0;
        });
        return command;
    }

    /// <summary><c>package printout-cnn</c>: the shipped fold's CNN to ONNX (checked against TorchSharp) with its card.</summary>
    public static Command PackageCnn() => Package(PrintoutCnnModel.Name, (cv, data, models, _) => PrintoutPackage.WriteCnn(cv, data, models));

    /// <summary><c>package printout-resnet18</c>: the refitted head to ONNX (checked against TorchSharp) with its card.</summary>
    public static Command PackageResNet18() => Package(PrintoutResNet18Model.Name, PrintoutPackage.WriteResNet18);

    private static Command Package(string name, Func<string, string, string, int, ModelCard> write)
    {
        var crossValidation = new Option<DirectoryInfo>("--cv") { Description = $"The --out folder of {name}.", Required = true };
        var root = new Option<DirectoryInfo>("--root") { Description = "The repository root (models/ is written there).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command(name, $"Export {name} and write its card.") { Data, crossValidation, root, Threads };
        command.SetAction(parse =>
        {
            var card = write(parse.GetValue(crossValidation)!.FullName, parse.GetValue(Data)!.FullName, Path.Combine(parse.GetValue(root)!.FullName, "models"), parse.GetValue(Threads));
            Console.WriteLine(string.Join(Environment.NewLine, card.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}"))));
            return 0;
        });
        return command;
    }

    /// <summary>Writes <c>figures.json</c> (camelCase; NaN where a figure is undefined) and prints its headline figures.</summary>
    private static void WriteFigures(string directory, string model, IReadOnlyDictionary<string, PrintoutEvaluation> evaluations)
    {
        var path = Path.Combine(directory, "figures.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { model, outOfFold = true, evaluations }, FiguresJson));
        foreach (var (name, evaluation) in evaluations)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model} {name}: accuracy {evaluation.Accuracy:0.000}, macro F1 {evaluation.MacroF1.Estimate:0.000} ({evaluation.MacroF1.Lower:0.000}-{evaluation.MacroF1.Upper:0.000}), ECE {evaluation.EceBefore:0.000} -> {evaluation.EceAfter:0.000}, inconclusive {evaluation.InconclusiveShare:P1} below {evaluation.Threshold:0.00}"));
        }

        Console.WriteLine($"figures: {path}");
    }

    private static readonly JsonSerializerOptions FiguresJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
