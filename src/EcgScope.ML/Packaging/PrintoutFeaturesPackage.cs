using System.Security.Cryptography;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Features;
using EcgScope.Inference;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Trees;

namespace EcgScope.ML.Packaging;

/// <summary>
/// Ships the printout feature model: trees trained on every distinct printout's features, exported to ONNX, with a card
/// whose figures are the cross-validation's (out-of-fold, by distinct image), never the shipped model's own fit.
/// </summary>
public static class PrintoutFeaturesPackage
{
    /// <summary>The registry name.</summary>
    public const string Name = "printout-features";

    /// <summary>
    /// Trains on all of <paramref name="printouts"/>, writes <c>models/printout-features/</c> under
    /// <paramref name="repositoryRoot"/> and the card's charts beside its document, and returns the card.
    /// </summary>
    public static ModelCard Write(
        IReadOnlyList<LabelledRecord> printouts, double[][] features, PrintoutFeatureResult result, PrintoutExperimentOptions options, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(printouts);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var labels = printouts.Select(p => p.Label).ToArray();
        var model = PrintoutFeatureExperiment.Train(features, labels, Enumerable.Range(0, labels.Length), options.Seed, options.Threads);
        var onnx = model.ExportOnnx();
        var modelsDirectory = Path.Combine(repositoryRoot, "models");
        var folder = Path.Combine(modelsDirectory, Name);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, Name + ".onnx"), onnx);

        var evaluation = result.Evaluation;
        var metrics = evaluation.CardMetrics(Parity(model, onnx, features));

        var card = new ModelCard
        {
            Name = Name,
            Title = "Printout group from the digitized signal (per-lead morphology and rhythm features, gradient-boosted trees)",
            IntendedUse = "Sorting 12-lead paper ECG printouts like those of the dataset (one hospital's machine, 3x4 + rhythm strip) into the dataset's four groups from their digitized traces, for research and teaching. Not a diagnosis, not for clinical decisions.",
            Task = ModelTask.SingleLabel,
            Classes = [.. CardiacPrintouts.ClassNames.Zip(CardiacPrintouts.ClassDescriptions, (name, description) => new ModelClass(name, description))],
            Features = new FeatureInputSpec(PrintoutFeatures.Names, TreeClassifier.MissingValue, PrintoutFeatures.Names[0], DigitizedPrintout.LowConfidence),
            Weights = new ModelWeights(Name + ".onnx", Convert.ToHexStringLower(SHA256.HashData(onnx))),
            Calibration = new ModelCalibration
            {
                Temperature = evaluation.Temperatures.Average(),
                ExpectedCalibrationErrorBefore = evaluation.EceBefore,
                ExpectedCalibrationErrorAfter = evaluation.EceAfter,
            },
            Decision = new ModelDecision { MinimumProbability = evaluation.Threshold, RequireAcceptableQuality = false },
            Metrics = metrics,
            Document = "docs/models/printout-features.md",
        };
        ShippedModel.WriteCard(card, modelsDirectory);
        PrintoutCardCharts.Draw(new CardFigures(Path.Combine(repositoryRoot, card.Document)), Name, result.Folds, result.Evaluation.Temperatures);
        return card;
    }

    /// <summary>The largest difference between ML.NET's and ONNX Runtime's probabilities over the training rows.</summary>
    private static double Parity(TreeClassifier model, byte[] onnx, double[][] features)
    {
        var rows = features.Select(TreeClassifier.Imputed).ToArray();
        var expected = model.PredictProbabilities(rows);
        using var session = OnnxModel.Load(onnx, Name);
        var output = session.Run([.. rows.SelectMany(row => row.Select(value => (float)value))], rows.Length, PrintoutFeatures.Names.Length);
        var largest = 0.0;
        for (var r = 0; r < rows.Length; r++)
        {
            var probabilities = Probabilities.Softmax([.. output.Logits.Skip(r * output.Classes).Take(output.Classes).Select(l => (double)l)]);
            largest = Math.Max(largest, probabilities.Zip(expected[r], (a, b) => Math.Abs(a - b)).Max());
        }

        return largest;
    }
}
