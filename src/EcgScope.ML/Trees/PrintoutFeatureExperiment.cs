using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Features;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Trees;

/// <summary>How <see cref="PrintoutFeatureExperiment"/> runs.</summary>
/// <param name="Folds">Cross-validation folds (by distinct printout).</param>
/// <param name="Seed">Seed of the folds, the trees and the bootstrap.</param>
/// <param name="Threads">Threads for digitizing and for the trees.</param>
/// <param name="CacheFolder">Where the feature table is cached; null for <see cref="FeatureTable.DefaultCacheFolder"/>.</param>
public sealed record PrintoutExperimentOptions(int Folds = 5, int Seed = 2017, int Threads = 2, string? CacheFolder = null);

/// <summary>A feature's share of the model's total split gain.</summary>
/// <param name="Feature">The feature's name (<see cref="PrintoutFeatures.Names"/>).</param>
/// <param name="GainShare">Its gain over the gain of all features, 0..1, averaged over the folds' models.</param>
public sealed record FeatureImportance(string Feature, double GainShare);

/// <summary>The cross-validated figures of the feature model, out-of-fold, as <c>ecgscope-train</c> writes them as JSON.</summary>
/// <param name="Evaluation">The figures every printout classifier reports (<see cref="PrintoutEvaluation"/>).</param>
/// <param name="Trees">The trees' hyper-parameters.</param>
/// <param name="LowConfidenceShare">Share of printouts the digitizer read with confidence below <see cref="DigitizedPrintout.LowConfidence"/>.</param>
/// <param name="GatedCoverage">Share of printouts that get a verdict when both the confidence gate and the probability threshold apply.</param>
/// <param name="GatedMacroF1">Macro F1 of those verdicts.</param>
/// <param name="TopFeatures">The most important features by gain, most first.</param>
/// <param name="Folds">Each fold's predictions (log-probabilities): the inner out-of-fold validation ones and the test ones, for the card's charts.</param>
public sealed record PrintoutFeatureResult(
    PrintoutEvaluation Evaluation,
    string Trees,
    double LowConfidenceShare,
    double GatedCoverage,
    double GatedMacroF1,
    IReadOnlyList<FeatureImportance> TopFeatures,
    IReadOnlyList<FoldPredictions> Folds);

/// <summary>
/// The path digitize → signal features → classifier on the cardiac-patients printouts: each distinct printout is
/// digitized (<see cref="PrintoutDigitizer"/>) and described by <see cref="PrintoutFeatures"/> (cached, see
/// <see cref="FeatureTable"/>), then gradient-boosted trees are cross-validated with stratified folds over the distinct
/// printouts, so no image (nor any of the release's copies of it) is ever on both sides of a split. Each outer fold's
/// validation predictions, for the temperature and the "inconclusive" threshold, are the training part's own
/// out-of-fold predictions (an inner cross-validation over the other folds); its test predictions come from trees
/// trained on all the other folds. Figures are <see cref="PrintoutEvaluation"/>'s, the same the image models report.
/// </summary>
public static class PrintoutFeatureExperiment
{
    /// <summary>How many of the most important features the result lists.</summary>
    public const int TopFeatureCount = 15;

    /// <summary>The trees' hyper-parameters: small trees and class weights for 491 records with a class of 30.</summary>
    public static TreeOptions Trees { get; } = new(0.05, 15, 200, 10, BalanceClasses: true);

    /// <summary>The printout features computed from an image file: the digitizer, then <see cref="PrintoutFeatures"/>.</summary>
    public static FeatureSet FeatureSet { get; } = new(
        "printout-features-cache-",
        PrintoutFeatures.Names,
        [typeof(PrintoutDigitizer), typeof(Signal.Features.RhythmFeatures)],
        path => PrintoutFeatures.Compute(PrintoutDigitizer.Digitize(File.ReadAllBytes(path), Path.GetFileName(path))));

    /// <summary>The feature table of the distinct printouts (rows in <see cref="CardiacPrintouts.Distinct"/> order), from the cache where it has them.</summary>
    public static double[][] Table(
        IReadOnlyList<LabelledRecord> printouts, PrintoutExperimentOptions options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cache = FeatureTable.CacheFile(options.CacheFolder ?? FeatureTable.DefaultCacheFolder, FeatureSet);
        return FeatureTable.Compute(printouts, FeatureSet, cache, options.Threads, progress, cancellationToken);
    }

    /// <summary>The folds (0 … k−1) of the distinct printouts, stratified by class.</summary>
    public static int[] Folds(IReadOnlyList<LabelledRecord> printouts, PrintoutExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(printouts);
        ArgumentNullException.ThrowIfNull(options);
        return StratifiedFolds.Assign([.. printouts.Select(p => p.Label)], options.Folds, options.Seed);
    }

    /// <summary>Trees trained on the given rows of the table.</summary>
    public static TreeClassifier Train(double[][] features, int[] labels, IEnumerable<int> rows, int seed, int threads) =>
        TreeClassifier.Train(
            [.. rows.Select(i => TreeClassifier.Imputed(features[i]))], [.. rows.Select(i => labels[i])], CardiacPrintouts.ClassNames.Length, Trees, seed, threads);

    /// <summary>Cross-validates the trees on the table of <paramref name="printouts"/> and returns the out-of-fold figures.</summary>
    public static PrintoutFeatureResult CrossValidate(
        IReadOnlyList<LabelledRecord> printouts, double[][] features, PrintoutExperimentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(printouts);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        var labels = printouts.Select(p => p.Label).ToArray();
        var folds = Folds(printouts, options);
        var predictions = new List<FoldPredictions>();
        var gains = new double[PrintoutFeatures.Names.Length];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var training = Members(folds, f => f != fold);
            var test = Members(folds, f => f == fold);
            var model = Train(features, labels, training, options.Seed, options.Threads);
            var share = Normalised(model.FeatureGains());
            for (var i = 0; i < gains.Length; i++)
            {
                gains[i] += share[i] / options.Folds;
            }

            var validation = new List<RecordPrediction>();
            for (var inner = 0; inner < options.Folds; inner++)
            {
                if (inner == fold)
                {
                    continue;
                }

                var innerModel = Train(features, labels, Members(folds, f => f != fold && f != inner), options.Seed, options.Threads);
                validation.AddRange(Predict(innerModel, printouts, features, Members(folds, f => f == inner)));
            }

            predictions.Add(new FoldPredictions(fold + 1, validation, Predict(model, printouts, features, test)));
        }

        var evaluation = PrintoutEvaluation.Of(
            predictions, CardiacPrintouts.ClassNames, $"{printouts.Count} distinct printouts, {options.Folds} folds stratified by class over distinct images (seed {options.Seed})");
        return Gated(evaluation, predictions, printouts, features, gains);
    }

    private static PrintoutFeatureResult Gated(
        PrintoutEvaluation evaluation, List<FoldPredictions> folds, IReadOnlyList<LabelledRecord> printouts, double[][] features, double[] gains)
    {
        var index = printouts.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var confidence = PrintoutFeatures.Names.IndexOf("digitizerConfidence");
        var readable = folds.SelectMany((fold, k) => fold.Test.Select(p => (Prediction: p, Temperature: evaluation.Temperatures[k])))
            .Where(p => features[index[p.Prediction.Record]][confidence] >= DigitizedPrintout.LowConfidence)
            .Select(p => (p.Prediction.Label, Probabilities: Inference.Verdicts.Probabilities.Softmax(p.Prediction.Logits, p.Temperature)))
            .Where(p => p.Probabilities.Max() >= evaluation.Threshold)
            .ToArray();
        var gated = PrintoutEvaluation.MacroF1Of(
            [.. readable.Select(p => p.Label)], [.. readable.Select(p => Inference.Verdicts.Probabilities.ArgMax(p.Probabilities))], CardiacPrintouts.ClassNames.Length);
        var top = gains.Select((gain, i) => new FeatureImportance(PrintoutFeatures.Names[i], gain))
            .OrderByDescending(f => f.GainShare).Take(TopFeatureCount).ToImmutableArray();
        return new PrintoutFeatureResult(
            evaluation,
            Trees.ToString(),
            (double)features.Count(row => row[confidence] < DigitizedPrintout.LowConfidence) / features.Length,
            (double)readable.Length / printouts.Count,
            gated,
            top,
            folds);
    }

    private static RecordPrediction[] Predict(TreeClassifier model, IReadOnlyList<LabelledRecord> printouts, double[][] features, int[] rows) =>
        [.. model.PredictProbabilities([.. rows.Select(i => TreeClassifier.Imputed(features[i]))])
            .Select((p, k) => new RecordPrediction(printouts[rows[k]].Name, printouts[rows[k]].Label, LogitsOf(p)))];

    /// <summary>Log-probabilities: logits whose softmax is the trees' probabilities, so temperature scaling applies as to networks.</summary>
    private static double[] LogitsOf(double[] probabilities) => [.. probabilities.Select(p => Math.Log(Math.Max(p, 1e-12)))];

    private static double[] Normalised(double[] values)
    {
        var sum = values.Sum();
        return sum > 0 ? [.. values.Select(v => v / sum)] : values;
    }

    private static int[] Members(int[] folds, Func<int, bool> take) => [.. Enumerable.Range(0, folds.Length).Where(i => take(folds[i]))];
}
