using System.CommandLine;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;
using EcgScope.ML.Packaging;
using EcgScope.ML.Training;
using EcgScope.ML.Trees;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.Training;

/// <summary>The ecgscope-train command line: one subcommand per model.</summary>
internal static class TrainCommand
{
    public static RootCommand Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The dataset folder (for CinC 2017: the one holding training2017).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where checkpoints and out-of-fold predictions go; a rerun resumes from them.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var only = new Option<int[]>("--fold") { Description = "Run only these folds (1-based); all by default.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds, batch order, crops and initialisation.", DefaultValueFactory = _ => 2017 };
        var rhythmEpochs = EpochsOption(RhythmCnn.Training.Epochs);
        var lstmEpochs = EpochsOption(new TrainingOptions().Epochs);
        var limit = new Option<int?>("--limit") { Description = "Train on at most this many records per epoch (a smoke test)." };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rhythm = new Command(RhythmCnn.Name, "The single-lead rhythm network on CinC 2017 (Normal / AF / Other / Noisy).")
        {
            data, output, folds, only, seed, rhythmEpochs, limit, threads,
        };
        rhythm.SetAction((parse, cancellationToken) =>
        {
            var options = RhythmCnn.Training with { Epochs = parse.GetValue(rhythmEpochs), Seed = parse.GetValue(seed), RecordLimit = parse.GetValue(limit), Threads = parse.GetValue(threads) };
            var records = Cinc2017.Load(parse.GetValue(data)!.FullName);
            Console.Error.WriteLine($"{records.Count} records; reading and conditioning them for {RhythmCnn.Input.SampleRateHz} Hz ...");
            var set = ConditionedSet.Load(records, RhythmCnn.Input, new SynchronousProgress<WorkProgress>(p => Console.Error.WriteLine($"  {p.Completed}/{p.Total}")), cancellationToken);
            var assignment = StratifiedFolds.Assign([.. records.Select(r => r.Label)], parse.GetValue(folds), options.Seed);
            var crossValidation = new CrossValidation(RhythmCnn.Input, options, () => new ResNet1d(RhythmCnn.Shape));
            crossValidation.Run(set, assignment, parse.GetValue(only) ?? [], RhythmCnn.EpochScore, parse.GetValue(output)!.FullName, new SynchronousProgress<TrainingProgress>(Print), cancellationToken);
            return Task.FromResult(0);
        });
        var lstm = new Command(AbnormalLstm.Name, "The smartwatch product's LSTM baseline for normal against abnormal on CinC 2017 (Noisy left out).")
        {
            data, output, folds, only, seed, lstmEpochs, threads,
        };
        lstm.SetAction((parse, cancellationToken) =>
        {
            var options = new TrainingOptions { Epochs = parse.GetValue(lstmEpochs), Seed = parse.GetValue(seed), Threads = parse.GetValue(threads) };
            var (records, assignment) = AbnormalLstm.Dataset(Cinc2017.Load(parse.GetValue(data)!.FullName), parse.GetValue(folds), options.Seed);
            var set = ConditionedSet.Load(records, AbnormalLstm.Input, cancellationToken: cancellationToken);
            new CrossValidation(AbnormalLstm.Input, options, () => new FramedLstm(AbnormalLstm.Shape))
                .Run(set, assignment, parse.GetValue(only) ?? [], AbnormalLstm.EpochScore, parse.GetValue(output)!.FullName, new SynchronousProgress<TrainingProgress>(Print), cancellationToken);
            return Task.FromResult(0);
        });
        return new RootCommand("Trains and cross-validates EcgScope's models (TorchSharp, CPU).")
        {
            rhythm,
            lstm,
            SuperclassCommand(SuperclassNetwork.OneDimensional, "The 12-lead 1-D ResNet for PTB-XL's superclasses NORM / MI / STTC / CD / HYP.", () => new ResNet1d(SuperclassCnn.Shape), [.. SuperclassTraining.DefaultPercents]),
            SuperclassCommand(SuperclassNetwork.RecurrencePlot, "The recurrence-plot CNN for PTB-XL's superclasses, beside superclass-cnn on the same folds.", () => new RecurrencePlotCnn(RecurrenceCnn.Shape), [100]),
            PrintoutCommands.Cnn(),
            PrintoutCommands.ResNet18(),
            PrintoutFeaturesCommand.Create(),
            PackageCommand(),
            CompareCommand(),
        };
    }

    private static Option<int> EpochsOption(int defaultEpochs) =>
        new("--epochs") { Description = "Epochs per fold.", DefaultValueFactory = _ => defaultEpochs };

    /// <summary>
    /// A network for PTB-XL's five superclasses on its own split (<c>superclass-cnn</c>, with a learning curve, or
    /// <c>recurrence-cnn</c>), trained by <paramref name="createNetwork"/>'s networks.
    /// </summary>
    private static Command SuperclassCommand(SuperclassNetwork network, string description, Func<Module<Tensor, Tensor>> createNetwork, int[] defaultPercents)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The PTB-XL folder (holding ptbxl_database.csv).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where checkpoints and predictions go; a rerun resumes from them.", Required = true };
        var percents = new Option<int[]>("--percent") { Description = "Shares of the training folds to train on (a learning curve).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => defaultPercents };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run.", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Seed of the shares, batch order, crops and initialisation.", DefaultValueFactory = _ => 2017 };
        var command = new Command(network.Name, description) { data, output, percents, epochs, seed };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new TrainingOptions { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed) };
            SuperclassTraining.Run(
                parse.GetValue(data)!.FullName, parse.GetValue(output)!.FullName, parse.GetValue(percents)!, options, network.Input, createNetwork, new SynchronousProgress<TrainingProgress>(Print), cancellationToken);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary><c>package rhythm-cnn</c>: the cross-validated network exported to ONNX, with its card.</summary>
    private static Command PackageCommand()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The CinC 2017 folder the cross-validation ran on.", Required = true };
        var crossValidation = new Option<DirectoryInfo>("--cv") { Description = "The --out folder of the cross-validation.", Required = true };
        var root = new Option<DirectoryInfo>("--root") { Description = "The repository root (models/ and docs/models/ are written there).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var features = new Option<DirectoryInfo?>("--features") { Description = "The feature experiment's output folder (scripts/experiments/rhythm-features.sh), for the side-by-side figures." };
        var rhythm = new Command(RhythmCnn.Name, "Export the rhythm CNN and write its card.") { data, crossValidation, root, features };
        rhythm.SetAction(parse =>
        {
            var repository = parse.GetValue(root)!.FullName;
            var card = RhythmCnnPackage.Write(
                parse.GetValue(crossValidation)!.FullName, Cinc2017.Load(parse.GetValue(data)!.FullName), Path.Combine(repository, "models"), repository, parse.GetValue(features)?.FullName);
            PrintMetrics(card);
            return 0;
        });
        var ensembleFeatures = new Option<DirectoryInfo>("--features") { Description = "The feature experiment's output folder (scripts/experiments/rhythm-features.sh).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Threads for the features and the trees.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var ensemble = new Command(RhythmEnsemble.Name, "Export the rhythm CNN with feature trees beside it and write the ensemble's card.") { data, crossValidation, root, ensembleFeatures, threads };
        ensemble.SetAction((parse, cancellationToken) =>
        {
            var repository = parse.GetValue(root)!.FullName;
            var records = Cinc2017.Load(parse.GetValue(data)!.FullName);
            var table = FeatureTable.Compute(
                records, FeatureSet.Rhythm, FeatureTable.CacheFile(FeatureTable.DefaultCacheFolder, FeatureSet.Rhythm), parse.GetValue(threads), cancellationToken: cancellationToken);
            var card = RhythmCnnPackage.WriteEnsemble(
                parse.GetValue(crossValidation)!.FullName, records, table, parse.GetValue(ensembleFeatures)!.FullName, Path.Combine(repository, "models"), repository, parse.GetValue(threads));
            PrintMetrics(card);
            return Task.FromResult(0);
        });
        return new Command("package", "Export a trained model to ONNX and write its card.")
        {
            rhythm,
            ensemble,
            SuperclassPackageCommand(SuperclassNetwork.OneDimensional),
            SuperclassPackageCommand(SuperclassNetwork.RecurrencePlot, sideBySideWith: SuperclassNetwork.OneDimensional),
            PrintoutCommands.PackageCnn(),
            PrintoutCommands.PackageResNet18(),
            PrintoutFeaturesCommand.Package(),
        };
    }

    /// <summary>
    /// <c>package superclass-cnn</c> or <c>package recurrence-cnn</c>: the network trained on folds 1-8 exported to ONNX,
    /// with its card; with <paramref name="sideBySideWith"/>, a <c>--compare</c> option sets that network's runs beside it.
    /// </summary>
    private static Command SuperclassPackageCommand(SuperclassNetwork network, SuperclassNetwork? sideBySideWith = null)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The PTB-XL folder the runs trained on.", Required = true };
        var runs = new Option<DirectoryInfo>("--runs") { Description = $"The --out folder of the {network.Name} runs.", Required = true };
        var root = new Option<DirectoryInfo>("--root") { Description = "The repository root.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command(network.Name, $"Export {network.Name} and write its card.") { data, runs, root };
        var sideBySide = sideBySideWith is null
            ? null
            : new Option<DirectoryInfo?>("--compare") { Description = $"The --out folder of {sideBySideWith.Name}'s runs, to set the two networks side by side in the card." };
        if (sideBySide is not null)
        {
            command.Options.Add(sideBySide);
        }

        command.SetAction(parse =>
        {
            var repository = parse.GetValue(root)!.FullName;
            var other = sideBySide is null ? null : parse.GetValue(sideBySide);
            var card = SuperclassPackage.Write(
                network,
                parse.GetValue(runs)!.FullName,
                parse.GetValue(data)!.FullName,
                Path.Combine(repository, "models"),
                repository,
                other is null ? null : (sideBySideWith!, other.FullName));
            PrintMetrics(card);
            return 0;
        });
        return command;
    }

    /// <summary><c>compare abnormal</c>: the LSTM baseline beside the rhythm network on normal against abnormal.</summary>
    private static Command CompareCommand()
    {
        var lstm = new Option<DirectoryInfo>("--lstm") { Description = "The --out folder of abnormal-lstm.", Required = true };
        var rhythm = new Option<DirectoryInfo>("--rhythm") { Description = "The --out folder of rhythm-cnn.", Required = true };
        var root = new Option<DirectoryInfo>("--root") { Description = "The repository root (the document goes to docs/models there).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var abnormal = new Command(
            "abnormal", $"Normal against abnormal (AF or Other; Noisy left out): AUROC, AUPRC, F1 of both models on the same test records, printed and written with charts to {AbnormalBaselineDocument.Document}.")
        {
            lstm, rhythm, root,
        };
        abnormal.SetAction(parse =>
        {
            var figures = AbnormalBaselineDocument.Write(parse.GetValue(lstm)!.FullName, parse.GetValue(rhythm)!.FullName, parse.GetValue(root)!.FullName);
            Console.WriteLine(string.Join(Environment.NewLine, AbnormalBaselineDocument.Table(figures)));

            return 0;
        });
        return new Command("compare", "Compare models on the same records.") { abnormal };
    }

    private static void PrintMetrics(ModelCard card) =>
        Console.WriteLine(string.Join(Environment.NewLine, card.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}"))));

    /// <summary>Writes a progress line to standard error.</summary>
    internal static void Print(TrainingProgress p)
    {
        var validation = p.ValidationScore is double score
            ? string.Create(CultureInfo.InvariantCulture, $" validation loss {p.ValidationLoss:0.0000} score {score:0.0000}")
            : "";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fold {p.Fold} epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.TrainingLoss:0.0000}{validation} left {p.TimeLeft:hh\\:mm\\:ss}"));
    }
}
