using System.Collections.Immutable;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Trees;
using EcgScope.Signal;
using EcgScope.Signal.Features;

namespace EcgScope.ML.Packaging;

/// <summary>
/// The trees <c>rhythm-ensemble</c> ships beside its network: trained with the feature experiment's chosen options on
/// the records the shipped network trained on (every record outside its test fold), so the fold's test figure stays
/// out-of-sample for both, and calibrated with the temperature the cross-validation fitted for that fold.
/// </summary>
internal sealed class ShippedTrees
{
    private readonly TreeClassifier trees;
    private readonly Dictionary<string, double[]> rows;
    private readonly ImmutableArray<double> baseline;

    /// <param name="records">The CinC 2017 records.</param>
    /// <param name="features">Their rhythm features, in the same order.</param>
    /// <param name="heldOut">The shipped network's test records: left out of the trees' training.</param>
    /// <param name="options">The feature experiment's chosen options.</param>
    /// <param name="outOfFold">The feature experiment's out-of-fold probabilities (for the cross-validated figures).</param>
    /// <param name="temperature">The trees' temperature.</param>
    /// <param name="threads">Threads for the trees.</param>
    public ShippedTrees(
        IReadOnlyList<LabelledRecord> records,
        double[][] features,
        IReadOnlySet<string> heldOut,
        TreeOptions options,
        CompanionProbabilities outOfFold,
        double temperature,
        int threads)
    {
        Options = options;
        OutOfFold = outOfFold;
        Temperature = temperature;
        rows = records.Select((record, i) => (record.Name, Row: TreeClassifier.Imputed(features[i]))).ToDictionary(r => r.Name, r => r.Row, StringComparer.Ordinal);
        var training = records.Where(record => !heldOut.Contains(record.Name)).ToArray();
        var trainingRows = training.Select(record => rows[record.Name]).ToArray();
        trees = TreeClassifier.Train(trainingRows, [.. training.Select(record => record.Label)], Cinc2017.ClassNames.Length, options, seed: 2017, threads);
        baseline = [.. Enumerable.Range(0, RhythmFeatures.Names.Length).Select(f => Statistics.Median([.. trainingRows.Select(row => row[f])]))];
    }

    /// <summary>The trees' hyper-parameters.</summary>
    public TreeOptions Options { get; }

    /// <summary>The feature experiment's out-of-fold probabilities, mixed in with the ensemble's share.</summary>
    public CompanionProbabilities OutOfFold { get; }

    /// <summary>The temperature the shipped trees' probabilities are calibrated with.</summary>
    public double Temperature { get; }

    /// <summary>The shipped trees' calibrated probabilities of <paramref name="records"/>.</summary>
    public double[][] Predict(IReadOnlyList<string> records) =>
        [.. trees.PredictProbabilities([.. records.Select(record => rows[record])]).Select(p => Probabilities.Temper(p, Temperature))];

    /// <summary>
    /// Writes the trees as <c>NAME-trees.onnx</c> beside the model's network; returns the card's companion entry, with
    /// <paramref name="mixtureTemperature"/> for the mean of both models.
    /// </summary>
    public FeatureCompanion Export(string modelsDirectory, string name, double mixtureTemperature) => new()
    {
        Weights = ShippedModel.Write(trees.ExportOnnx(), modelsDirectory, name, "trees"),
        Features = new FeatureInputSpec(RhythmFeatures.Names, TreeClassifier.MissingValue),
        Share = OutOfFold.Share,
        Temperature = Temperature,
        MixtureTemperature = mixtureTemperature,
        Baseline = baseline,
    };
}
