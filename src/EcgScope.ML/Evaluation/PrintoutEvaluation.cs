using System.Collections.Immutable;
using EcgScope.Inference.Verdicts;

namespace EcgScope.ML.Evaluation;

/// <summary>One class's figures: how many records have it, and precision, recall and F1 of predicting it.</summary>
public sealed record ClassFigures(string Name, int Support, double Precision, double Recall, double F1);

/// <summary>The share of test records that get a verdict at one threshold, and how often those verdicts are right.</summary>
public sealed record CoveragePoint(double Threshold, double Coverage, double Accuracy, double MacroF1);

/// <summary>
/// The out-of-sample figures of a single-label printout classifier from its cross-validation (the model for
/// <c>ecgscope-train</c>'s JSON): each fold's test predictions are calibrated with the temperature fitted on that fold's
/// validation records, then pooled, so every record is predicted once by a model that never saw it. The
/// "inconclusive" threshold is chosen on the pooled validation records and only then applied to the test records.
/// </summary>
public sealed record PrintoutEvaluation
{
    /// <summary>The most records a threshold may withhold, as a share of the validation records.</summary>
    public const double MaximumInconclusiveShare = 0.20;

    private const int Seed = 2017;

    /// <summary>What was evaluated, in words (e.g. "491 distinct printouts, 5 folds by distinct image").</summary>
    public required string Split { get; init; }

    /// <summary>Records evaluated (all folds' test records).</summary>
    public required int Records { get; init; }

    /// <summary>Share of test records whose top class is right.</summary>
    public required double Accuracy { get; init; }

    /// <summary>The mean F1 over the classes, with its 95 % bootstrap interval (records resampled).</summary>
    public required ConfidenceInterval MacroF1 { get; init; }

    /// <summary>The macro F1 of each fold's test records.</summary>
    public required IReadOnlyList<double> FoldMacroF1 { get; init; }

    /// <summary>Precision, recall and F1 of each class, pooled.</summary>
    public required IReadOnlyList<ClassFigures> Classes { get; init; }

    /// <summary>The pooled confusion matrix: rows are the true class, columns the predicted one, in class order.</summary>
    public required IReadOnlyList<int[]> Confusion { get; init; }

    /// <summary>Each fold's temperature, fitted on its validation records.</summary>
    public required IReadOnlyList<double> Temperatures { get; init; }

    /// <summary>Expected calibration error (10 bins) of the top class before temperature scaling.</summary>
    public required double EceBefore { get; init; }

    /// <summary>Expected calibration error of the top class after temperature scaling.</summary>
    public required double EceAfter { get; init; }

    /// <summary>The calibrated top probability below which the verdict is "inconclusive", chosen on the validation records.</summary>
    public required double Threshold { get; init; }

    /// <summary>The share of test records that are inconclusive at <see cref="Threshold"/>.</summary>
    public required double InconclusiveShare { get; init; }

    /// <summary>Accuracy on the test records that get a verdict at <see cref="Threshold"/>.</summary>
    public required double ConclusiveAccuracy { get; init; }

    /// <summary>Macro F1 on the test records that get a verdict at <see cref="Threshold"/>.</summary>
    public required double ConclusiveMacroF1 { get; init; }

    /// <summary>Coverage against accuracy on the test records over a range of thresholds (for the docs' table).</summary>
    public required IReadOnlyList<CoveragePoint> CoverageCurve { get; init; }

    /// <summary>
    /// A printout model card's headline figures (accuracy, macro F1 with its interval, the inconclusive share and the
    /// figures on the rest, each class's F1), with the ONNX export's <paramref name="onnxParity"/>, by name in ordinal order.
    /// </summary>
    public ImmutableSortedDictionary<string, double> CardMetrics(double onnxParity) =>
        new Dictionary<string, double>
        {
            ["accuracy"] = Accuracy,
            ["macroF1"] = MacroF1.Estimate,
            ["macroF1Lower"] = MacroF1.Lower,
            ["macroF1Upper"] = MacroF1.Upper,
            ["inconclusiveShare"] = InconclusiveShare,
            ["conclusiveAccuracy"] = ConclusiveAccuracy,
            ["conclusiveMacroF1"] = ConclusiveMacroF1,
            ["onnxParityMaxProbabilityDifference"] = onnxParity,
        }.Concat(Classes.Select(c => KeyValuePair.Create("f1." + c.Name, c.F1)))
            .ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Evaluates the folds' predictions of a model over <paramref name="classNames"/>.</summary>
    public static PrintoutEvaluation Of(IReadOnlyList<FoldPredictions> folds, IReadOnlyList<string> classNames, string split)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(classNames);
        var classCount = classNames.Count;
        var temperatures = folds.Select(fold => TemperatureScaling.FitSoftmax([.. fold.Validation.Select(p => p.Logits)], Labels(fold.Validation))).ToArray();
        var test = folds.SelectMany(fold => fold.Test).ToArray();
        var labels = Labels(test);
        var raw = test.Select(p => Probabilities.Softmax(p.Logits)).ToArray();
        var calibrated = folds.SelectMany((fold, k) => fold.Test.Select(p => Probabilities.Softmax(p.Logits, temperatures[k]))).ToArray();
        var predictions = calibrated.Select(p => Probabilities.ArgMax(p)).ToArray();
        var confusion = ConfusionMatrix.From(labels, predictions, classCount);
        var validation = folds.SelectMany((fold, k) => fold.Validation.Select(p => (Probabilities: Probabilities.Softmax(p.Logits, temperatures[k]), p.Label))).ToArray();
        var threshold = ChooseThreshold([.. validation.Select(v => v.Probabilities)], [.. validation.Select(v => v.Label)], classCount);
        var conclusive = Conclusive(calibrated, threshold);
        var (before, beforeCorrect) = Calibration.TopLabel(raw, labels);
        var (after, afterCorrect) = Calibration.TopLabel(calibrated, labels);
        return new PrintoutEvaluation
        {
            Split = split,
            Records = test.Length,
            Accuracy = confusion.Accuracy,
            MacroF1 = Bootstrap.Interval(test.Length, sample => MacroF1Of(Subsets.Pick(labels, sample), Subsets.Pick(predictions, sample), classCount), Seed),
            FoldMacroF1 = [.. folds.Select(fold => MacroF1Of(Labels(fold.Test), [.. fold.Test.Select(p => Probabilities.ArgMax(p.Logits))], classCount))],
            Classes = [.. classNames.Select((name, c) => new ClassFigures(
                name, confusion.RowSum(c), Ratio(confusion[c, c], confusion.ColumnSum(c)), Ratio(confusion[c, c], confusion.RowSum(c)), confusion.F1(c)))],
            Confusion = [.. Enumerable.Range(0, classCount).Select(i => Enumerable.Range(0, classCount).Select(j => confusion[i, j]).ToArray())],
            Temperatures = temperatures,
            EceBefore = Calibration.ExpectedCalibrationError(before, beforeCorrect),
            EceAfter = Calibration.ExpectedCalibrationError(after, afterCorrect),
            Threshold = threshold,
            InconclusiveShare = 1 - ((double)conclusive.Length / test.Length),
            ConclusiveAccuracy = AccuracyOf(labels, predictions, conclusive),
            ConclusiveMacroF1 = MacroF1Of(Subsets.Pick(labels, conclusive), Subsets.Pick(predictions, conclusive), classCount),
            CoverageCurve = [.. Enumerable.Range(0, 14).Select(step => Math.Round(0.30 + (0.05 * step), 2)).Select(t =>
            {
                var kept = Conclusive(calibrated, t);
                return new CoveragePoint(t, (double)kept.Length / test.Length, AccuracyOf(labels, predictions, kept), MacroF1Of(Subsets.Pick(labels, kept), Subsets.Pick(predictions, kept), classCount));
            })],
        };
    }

    /// <summary>The mean F1 over all <paramref name="classCount"/> classes (NaN when a class neither occurs nor is predicted).</summary>
    public static double MacroF1Of(int[] labels, int[] predictions, int classCount) =>
        ConfusionMatrix.From(labels, predictions, classCount).MeanF1([.. Enumerable.Range(0, classCount)]);

    /// <summary>
    /// The threshold that gives the best macro F1 on the conclusive validation records while withholding at most
    /// <see cref="MaximumInconclusiveShare"/> of them.
    /// </summary>
    private static double ChooseThreshold(double[][] probabilities, int[] labels, int classCount)
    {
        var best = (Threshold: 0.0, Score: double.NegativeInfinity);
        for (var step = 25; step <= 95; step++)
        {
            var threshold = step / 100.0;
            var conclusive = Conclusive(probabilities, threshold);
            if (conclusive.Length < (1 - MaximumInconclusiveShare) * labels.Length)
            {
                break;
            }

            var score = MacroF1Of(Subsets.Pick(labels, conclusive), [.. conclusive.Select(i => Probabilities.ArgMax(probabilities[i]))], classCount);
            if (score > best.Score)
            {
                best = (threshold, score);
            }
        }

        return best.Threshold;
    }

    private static int[] Conclusive(double[][] probabilities, double threshold) =>
        [.. Enumerable.Range(0, probabilities.Length).Where(i => probabilities[i].Max() >= threshold)];

    private static double AccuracyOf(int[] labels, int[] predictions, int[] kept) =>
        kept.Length == 0 ? double.NaN : (double)kept.Count(i => labels[i] == predictions[i]) / kept.Length;

    private static double Ratio(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;

    private static int[] Labels(IEnumerable<RecordPrediction> predictions) => [.. predictions.Select(p => p.Label)];
}
