using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.Signal.Features;

namespace EcgScope.ML.Trees;

/// <summary>How <see cref="RhythmFeatureExperiment"/> runs.</summary>
/// <param name="SubsetSize">Use a stratified subset of about this many records (for a quick check); null for all.</param>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="Seed">Seed of the folds, the subset, the trees and the bootstrap.</param>
/// <param name="Threads">Threads for the features and the trees.</param>
/// <param name="CacheFolder">Where the feature cache lives.</param>
/// <param name="Grid">The hyper-parameter candidates; null for <see cref="RhythmFeatureExperiment.Grid"/>.</param>
public sealed record RhythmExperimentOptions(
    int? SubsetSize = null, int Folds = 5, int Seed = 2017, int Threads = 2, string? CacheFolder = null, IReadOnlyList<TreeOptions>? Grid = null);

/// <summary>
/// Stratified k-fold cross-validation of gradient-boosted trees on <see cref="RhythmFeatures"/> for the CinC 2017
/// rhythm task (Normal, AF, Other, Noisy), scored by the challenge F1. The folds are
/// <see cref="StratifiedFolds.Assign"/> over the reference file's order with the seed, the same as the networks'.
/// The hyper-parameters are chosen by a small grid on fold 0 alone (train on the other folds, score fold 0), then
/// every fold is predicted by a model trained on the others with that choice.
/// Unmeasured features are <see cref="TreeClassifier.MissingValue"/>, as the served (ONNX) trees read them.
/// Writes to the output folder <c>rhythm-features-oof.csv</c> (one row per record: <c>record,fold,label,pN,pA,pO,pNoisy</c>;
/// fold 0 … k−1 and label 0 … 3 as <see cref="Cinc2017.ReferenceCodes"/>), <c>rhythm-features-options.json</c> (the
/// chosen hyper-parameters) and <c>rhythm-features-cv.md</c> (the figures).
/// </summary>
public static class RhythmFeatureExperiment
{
    /// <summary>The fold the hyper-parameters are tuned on.</summary>
    public const int TuningFold = 0;

    /// <summary>The out-of-fold probabilities' file in the output folder.</summary>
    public const string OutOfFoldFile = "rhythm-features-oof.csv";

    /// <summary>The chosen hyper-parameters' file in the output folder (<see cref="TreeOptions"/> as JSON).</summary>
    public const string ChosenOptionsFile = "rhythm-features-options.json";

    /// <summary>The hyper-parameters the experiment in <paramref name="outputDirectory"/> chose.</summary>
    public static TreeOptions ChosenOptions(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, ChosenOptionsFile);
        return JsonSerializer.Deserialize<TreeOptions>(File.ReadAllText(path), ModelCard.JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty.");
    }

    /// <summary>The grid searched on <see cref="TuningFold"/>.</summary>
    public static IReadOnlyList<TreeOptions> Grid { get; } =
    [
        .. from rate in new[] { 0.05, 0.1 }
           from leaves in new[] { 15, 31, 63 }
           from rounds in new[] { 200, 500 }
           from balance in new[] { false, true }
           select new TreeOptions(rate, leaves, rounds, 20, balance),
    ];

    /// <summary>Runs the experiment on the CinC 2017 training set in <paramref name="dataDirectory"/>.</summary>
    public static RhythmCvResult Run(
        string dataDirectory,
        string outputDirectory,
        RhythmExperimentOptions? options = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RhythmExperimentOptions();
        var records = Subset(Cinc2017.Load(dataDirectory), options);
        var labels = records.Select(record => record.Label).ToArray();

        var clock = Stopwatch.StartNew();
        var cache = FeatureTable.CacheFile(options.CacheFolder ?? FeatureTable.DefaultCacheFolder, FeatureSet.Rhythm);
        var features = FeatureTable.Compute(records, FeatureSet.Rhythm, cache, options.Threads, progress, cancellationToken);
        var featureTime = clock.Elapsed;

        clock.Restart();
        var folds = StratifiedFolds.Assign(labels, options.Folds, options.Seed);
        var tuning = (options.Grid ?? Grid).Select(candidate =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predicted = PredictFold(features, labels, folds, TuningFold, candidate, options);
            return new TuningTrial(candidate, ChallengeScore.Cinc2017(Select(labels, folds, TuningFold), ArgMax(predicted)));
        }).ToArray();
        var chosen = tuning.MaxBy(trial => trial.ChallengeF1)!.Options;

        var probabilities = new double[records.Count][];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predicted = PredictFold(features, labels, folds, fold, chosen, options);
            var members = Members(folds, fold);
            for (var k = 0; k < members.Length; k++)
            {
                probabilities[members[k]] = predicted[k];
            }
        }

        var result = Score(records.Count, labels, folds, probabilities, chosen, tuning, options, featureTime, clock.Elapsed);
        Directory.CreateDirectory(outputDirectory);
        WriteOutOfFold(Path.Combine(outputDirectory, OutOfFoldFile), records, folds, probabilities);
        File.WriteAllText(Path.Combine(outputDirectory, ChosenOptionsFile), JsonSerializer.Serialize(chosen, ModelCard.JsonOptions));
        File.WriteAllText(Path.Combine(outputDirectory, "rhythm-features-cv.md"), result.ToText());
        return result;
    }

    /// <summary>All records, or one fold of a stratified split into as many folds as give about the subset's size.</summary>
    private static IReadOnlyList<LabelledRecord> Subset(IReadOnlyList<LabelledRecord> records, RhythmExperimentOptions options)
    {
        if (options.SubsetSize is not { } size || size >= records.Count)
        {
            return records;
        }

        var parts = StratifiedFolds.Assign(records.Select(record => record.Label).ToArray(), Math.Max(2, records.Count / size), options.Seed);
        return [.. records.Where((_, i) => parts[i] == 0)];
    }

    private static double[][] PredictFold(double[][] features, int[] labels, int[] folds, int fold, TreeOptions treeOptions, RhythmExperimentOptions options)
    {
        var training = Enumerable.Range(0, labels.Length).Where(i => folds[i] != fold).ToArray();
        var model = TreeClassifier.Train(
            [.. training.Select(i => TreeClassifier.Imputed(features[i]))], [.. training.Select(i => labels[i])], Cinc2017.ClassNames.Length, treeOptions, options.Seed, options.Threads);
        return model.PredictProbabilities([.. Members(folds, fold).Select(i => TreeClassifier.Imputed(features[i]))]);
    }

    private static RhythmCvResult Score(
        int count, int[] labels, int[] folds, double[][] probabilities, TreeOptions chosen, TuningTrial[] tuning,
        RhythmExperimentOptions options, TimeSpan featureTime, TimeSpan trainingTime)
    {
        var predictions = ArgMax(probabilities);
        var matrix = ConfusionMatrix.From(labels, predictions, Cinc2017.ClassNames.Length);
        var foldScores = Enumerable.Range(0, options.Folds)
            .Select(fold => ChallengeScore.Cinc2017(Select(labels, folds, fold), Select(predictions, folds, fold)))
            .ToArray();
        var untuned = Enumerable.Range(0, count).Where(i => folds[i] != TuningFold).ToArray();
        var interval = Bootstrap.Interval(
            count, sample => ChallengeScore.Cinc2017([.. sample.Select(i => labels[i])], [.. sample.Select(i => predictions[i])]), options.Seed);
        var (confidences, correct) = Calibration.TopLabel(probabilities, labels);
        return new RhythmCvResult(
            count,
            options.Seed,
            TuningFold,
            chosen,
            tuning,
            foldScores,
            ChallengeScore.Cinc2017(matrix),
            ChallengeScore.Cinc2017([.. untuned.Select(i => labels[i])], [.. untuned.Select(i => predictions[i])]),
            interval,
            [.. Enumerable.Range(0, matrix.ClassCount).Select(matrix.F1)],
            [.. Enumerable.Range(0, matrix.ClassCount).Select(c => RankingMetrics.Auroc(probabilities, labels, c))],
            Calibration.ExpectedCalibrationError(confidences, correct),
            matrix,
            featureTime,
            trainingTime);
    }

    private static void WriteOutOfFold(string path, IReadOnlyList<LabelledRecord> records, int[] folds, double[][] probabilities)
    {
        var lines = records.Select((record, i) => string.Join(
            ",",
            [record.Name, folds[i].ToString(CultureInfo.InvariantCulture), record.Label.ToString(CultureInfo.InvariantCulture),
             .. probabilities[i].Select(p => p.ToString("R", CultureInfo.InvariantCulture))]));
        File.WriteAllLines(path, ["record,fold,label,pN,pA,pO,pNoisy", .. lines]);
    }

    private static int[] Members(int[] folds, int fold) => [.. Enumerable.Range(0, folds.Length).Where(i => folds[i] == fold)];

    private static int[] Select(int[] values, int[] folds, int fold) => [.. Members(folds, fold).Select(i => values[i])];

    private static int[] ArgMax(double[][] probabilities) => [.. probabilities.Select(row => Probabilities.ArgMax(row))];
}
