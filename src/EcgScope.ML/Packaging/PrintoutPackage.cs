using System.Security.Cryptography;
using EcgScope.Imaging.Classification;
using EcgScope.Inference;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Export;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;
using EcgScope.ML.Printouts;

namespace EcgScope.ML.Packaging;

/// <summary>
/// Ships the printout classifiers: each exported to ONNX, checked against TorchSharp on real printouts, with a card
/// carrying its cross-validated figures (by distinct image, out-of-fold). The CNN ships the network of fold
/// <see cref="ShippedFold"/> (its own test images unseen in training, so its fold figure is out-of-sample); the
/// ResNet-18 head is refitted on 90 % of the distinct images, its penalty and temperature chosen on the other 10 %.
/// </summary>
public static class PrintoutPackage
{
    /// <summary>The CNN cross-validation fold whose network is shipped (1-based).</summary>
    public const int ShippedFold = 1;

    /// <summary>The largest difference of any class probability between TorchSharp and ONNX Runtime that an export may show.</summary>
    public const double ParityTolerance = 1e-4;

    /// <summary>The document of both cards, relative to the repository root.</summary>
    public const string Document = "docs/models/printout-classifiers.md";

    private const int ParityImages = 16;
    private const int Seed = 2017;

    private const string Dataset =
        "ECG Images dataset of Cardiac Patients (A. H. Khan, M. Hussain, Mendeley Data V2, doi:10.17632/gwbz3fsgp8.2, CC BY 4.0): " +
        "491 distinct 12-lead printouts (the 928 released files hold copies; every split here is by distinct image), at 40 % scale.";

    private const string Use =
        "Sorting 12-lead paper ECG printouts like those of the dataset (from the machines of its hospitals: 3x4 with a rhythm strip, pink grid) " +
        "into the four groups of the dataset, for research and teaching. Not a diagnosis, not for clinical decisions.";

    /// <summary>Exports the CNN of the cross-validation in <paramref name="crossValidationDirectory"/>; returns its card.</summary>
    public static ModelCard WriteCnn(string crossValidationDirectory, string dataDirectory, string modelsDirectory)
    {
        var records = CardiacPrintouts.Distinct(dataDirectory);
        var folds = FoldPredictions.ReadAll(crossValidationDirectory);
        var evaluation = PrintoutEvaluation.Of(folds, CardiacPrintouts.ClassNames, "by distinct image");
        using var network = new PrintoutCnn(PrintoutCnnModel.Shape);
        network.load(Path.Combine(crossValidationDirectory, $"fold{ShippedFold}", "best.weights"));
        network.eval();
        var onnx = PrintoutCnnOnnxExporter.Export(network);

        // Parity on real printouts of the shipped fold's test set, preprocessed as serving does.
        var names = folds[ShippedFold - 1].Test.Take(ParityImages).Select(p => p.Record).ToHashSet(StringComparer.Ordinal);
        var sample = records.Where(r => names.Contains(r.Name)).ToList();
        using var images = PrintoutImages.Load(sample, PrintoutCnnModel.Input, new PrintoutAugmentation());
        var torchLogits = images.Logits(network, [.. Enumerable.Range(0, sample.Count)], ParityImages);
        var spec = PrintoutCnnModel.Input;
        var difference = Parity(onnx, torchLogits, [.. sample.Select(r => Input(r.Path, spec))], [1, spec.Height, spec.Width]);

        var weights = Ship(onnx, modelsDirectory, PrintoutCnnModel.Name);
        var card = Card(PrintoutCnnModel.Name, "Printout group from the grid image (small CNN from scratch)", spec, weights, evaluation.Temperatures[ShippedFold - 1], evaluation, difference) with
        {
            Reproduce = "ecgscope-train printout-cnn --data DATA/cardiac-patients --out runs/printout-cnn, then ecgscope-train package printout-cnn --data DATA/cardiac-patients --cv runs/printout-cnn",
        };
        card = card with { Metrics = card.Metrics.Add("shippedFoldMacroF1", evaluation.FoldMacroF1[ShippedFold - 1]) };
        ShippedModel.WriteCard(card, modelsDirectory);
        PrintoutCardCharts.Draw(Figures(modelsDirectory, card), card.Name, folds, evaluation.Temperatures);
        return card;
    }

    /// <summary>Fits and exports the ResNet-18 head; the cross-validation's features and folds are in <paramref name="crossValidationDirectory"/>.</summary>
    public static ModelCard WriteResNet18(string crossValidationDirectory, string dataDirectory, string modelsDirectory, int threads)
    {
        TorchSharp.torch.set_num_threads(threads);
        var records = CardiacPrintouts.Distinct(dataDirectory);
        var spec = PrintoutResNet18Model.Input;
        var features = BackboneFeatures.Load(records, spec, Path.Combine(crossValidationDirectory, "features.csv"), threads);
        var folds = FoldPredictions.ReadAll(Path.Combine(crossValidationDirectory, "grouped-by-image"));
        var evaluation = PrintoutEvaluation.Of(folds, CardiacPrintouts.ClassNames, "by distinct image");
        int[] labels = [.. records.Select(r => r.Label)];
        var parts = StratifiedFolds.Assign(labels, 10, Seed);
        int[] validation = [.. Enumerable.Range(0, records.Count).Where(i => parts[i] == 0)];
        int[] training = [.. Enumerable.Range(0, records.Count).Where(i => parts[i] != 0)];
        using var head = HeadTraining.FitChoosingPenalty(records, features, training, validation, Seed, PrintoutCnnModel.EpochScore);
        var validationLogits = HeadTraining.Logits(head, features, validation);
        var temperature = TemperatureScaling.FitSoftmax([.. validationLogits.Select(row => row.Select(z => (double)z).ToArray())], [.. validation.Select(i => labels[i])]);
        var onnx = LogisticHeadOnnxExporter.Export(head);
        int[] sample = [.. validation.Take(ParityImages)];
        var difference = Parity(onnx, HeadTraining.Logits(head, features, sample), [.. sample.Select(i => features[i])], [PrintoutResNet18Model.Features]);

        var weights = Ship(onnx, modelsDirectory, PrintoutResNet18Model.Name);
        var card = Card(PrintoutResNet18Model.Name, "Printout group from the grid image (ImageNet ResNet-18 features, logistic regression)", spec, weights, temperature, evaluation, difference) with
        {
            Reproduce = "ecgscope-train printout-resnet18 --data DATA/cardiac-patients --out runs/printout-resnet18, then ecgscope-train package printout-resnet18 --data DATA/cardiac-patients --cv runs/printout-resnet18",
        };
        ShippedModel.WriteCard(card, modelsDirectory);
        PrintoutCardCharts.Draw(Figures(modelsDirectory, card), card.Name, folds, evaluation.Temperatures);
        return card;
    }

    /// <summary>The card's charts, named after the model beside the document the image models share (the repository's <c>docs/models</c>, a sibling of <paramref name="modelsDirectory"/>).</summary>
    private static CardFigures Figures(string modelsDirectory, ModelCard card) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelsDirectory))!, card.Document!), card.Name);

    private static ModelCard Card(string name, string title, ImageInputSpec spec, ModelWeights weights, double temperature, PrintoutEvaluation evaluation, double parity) => new()
    {
        Name = name,
        Title = title,
        IntendedUse = Use,
        Task = ModelTask.SingleLabel,
        Classes = [.. CardiacPrintouts.ClassNames.Select((c, i) => new ModelClass(c, CardiacPrintouts.ClassDescriptions[i]))],
        Image = spec,
        Weights = weights,
        Calibration = new ModelCalibration { Temperature = temperature, ExpectedCalibrationErrorBefore = evaluation.EceBefore, ExpectedCalibrationErrorAfter = evaluation.EceAfter },
        Decision = new ModelDecision { MinimumProbability = evaluation.Threshold, RequireAcceptableQuality = false },
        Metrics = evaluation.CardMetrics(parity),
        TrainingData = Dataset,
        Document = Document,
    };

    /// <summary>
    /// The largest difference of a class probability between <paramref name="torchLogits"/> and ONNX Runtime on the
    /// same inputs (each of <paramref name="shape"/>); throws above <see cref="ParityTolerance"/>.
    /// </summary>
    private static double Parity(byte[] onnx, float[][] torchLogits, float[][] inputs, long[] shape)
    {
        using var model = OnnxModel.Load(onnx, "export");
        var output = model.Run([.. inputs.SelectMany(x => x)], [inputs.Length, .. shape]);
        var difference = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var served = Probabilities.Softmax([.. output.Logits.AsSpan(i * output.Classes, output.Classes).ToArray().Select(z => (double)z)]);
            var trained = Probabilities.Softmax([.. torchLogits[i].Select(z => (double)z)]);
            difference = Math.Max(difference, served.Zip(trained, (a, b) => Math.Abs(a - b)).Max());
        }

        return difference < ParityTolerance
            ? difference
            : throw new InvalidOperationException($"ONNX Runtime and TorchSharp differ by {difference:G3} in a class probability (tolerance {ParityTolerance}); the export is wrong.");
    }

    private static float[] Input(string path, ImageInputSpec spec)
    {
        using var image = PrintoutPixels.Read(path);
        return PrintoutPixels.Input(image, spec);
    }

    private static ModelWeights Ship(byte[] onnx, string modelsDirectory, string name)
    {
        var folder = Path.Combine(modelsDirectory, name);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".onnx"), onnx);
        return new ModelWeights(name + ".onnx", Convert.ToHexStringLower(SHA256.HashData(onnx)));
    }
}
