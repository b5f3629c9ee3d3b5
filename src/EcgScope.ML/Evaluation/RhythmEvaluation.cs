using System.Globalization;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;

namespace EcgScope.ML.Evaluation;

/// <summary>
/// The out-of-sample figures of a single-lead rhythm model (CinC 2017's four classes) from its cross-validation:
/// each fold's test predictions are calibrated with the temperature fitted on that fold's validation records, then
/// pooled. The "inconclusive" threshold is chosen on the pooled validation records and only then applied to the test
/// predictions, so every figure here is out-of-sample. "Inconclusive" follows the served model's rules: a lead the
/// quality gate refuses, a Noisy verdict, or a top probability below the threshold.
/// </summary>
public sealed record RhythmEvaluation
{
    /// <summary>The most records a threshold may withhold, as a share of the validation records.</summary>
    public const double MaximumInconclusiveShare = 0.10;

    private const int Seed = 2017;

    /// <summary>Records evaluated (all folds' test records).</summary>
    public required int Records { get; init; }

    /// <summary>The CinC 2017 score over the pooled test predictions, with its bootstrap interval.</summary>
    public required ConfidenceInterval ChallengeF1 { get; init; }

    /// <summary>The CinC 2017 score of each fold's test records.</summary>
    public required IReadOnlyList<double> FoldChallengeF1 { get; init; }

    /// <summary>F1 of each class (Normal, AF, Other, Noisy) over the pooled test predictions.</summary>
    public required IReadOnlyList<double> ClassF1 { get; init; }

    /// <summary>The pooled confusion matrix (rows: reference, columns: prediction).</summary>
    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>Each fold's fitted temperature.</summary>
    public required IReadOnlyList<double> Temperatures { get; init; }

    /// <summary>
    /// With a companion, each fold's temperature of the mean of both models' probabilities, fitted on the fold's
    /// validation records after the network's own (<see cref="Probabilities.Temper"/>); all 1 without one.
    /// </summary>
    public required IReadOnlyList<double> MixtureTemperatures { get; init; }

    /// <summary>Expected calibration error of the top label before temperature scaling.</summary>
    public required double EceBefore { get; init; }

    /// <summary>Expected calibration error of the top label after temperature scaling.</summary>
    public required double EceAfter { get; init; }

    /// <summary>The reliability curve before scaling.</summary>
    public required IReadOnlyList<ReliabilityBin> ReliabilityBefore { get; init; }

    /// <summary>The reliability curve after scaling.</summary>
    public required IReadOnlyList<ReliabilityBin> ReliabilityAfter { get; init; }

    /// <summary>All folds' test records' calibrated probabilities (Normal, AF, Other, Noisy), pooled in fold order.</summary>
    public required IReadOnlyList<double[]> TestProbabilities { get; init; }

    /// <summary>The labels of <see cref="TestProbabilities"/>' records.</summary>
    public required IReadOnlyList<int> TestLabels { get; init; }

    /// <summary>The calibrated probability below which the verdict is withheld.</summary>
    public required double Threshold { get; init; }

    /// <summary>The share of test records withheld: below the threshold, or judged Noisy.</summary>
    public required double InconclusiveShare { get; init; }

    /// <summary>The CinC 2017 score on the test records that got a verdict.</summary>
    public required double ConclusiveChallengeF1 { get; init; }

    /// <summary>Normal against AF or Other (Noisy records left out): AUROC of P(AF) + P(Other), with its interval.</summary>
    public required ConfidenceInterval AbnormalAuroc { get; init; }

    /// <summary>Normal against AF or Other: average precision.</summary>
    public required double AbnormalAuprc { get; init; }

    /// <summary>Normal against AF or Other: F1 of "abnormal" when P(AF) + P(Other) exceeds P(Normal).</summary>
    public required double AbnormalF1 { get; init; }

    /// <summary>
    /// The figures of <paramref name="folds"/>' predictions; with <paramref name="companion"/>, of the mean of the
    /// network's calibrated probabilities and the companion's out-of-fold ones (an ensemble, weights fixed beforehand),
    /// tempered with a temperature fitted on each fold's validation records.
    /// </summary>
    /// <param name="folds">Each fold's validation and test predictions.</param>
    /// <param name="unreadable">Records whose lead the quality gate refuses: never conclusive.</param>
    /// <param name="companion">Another model's out-of-fold probabilities of the same records, or null for the network alone.</param>
    public static RhythmEvaluation Of(IReadOnlyList<FoldPredictions> folds, IReadOnlySet<string> unreadable, CompanionProbabilities? companion = null)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(unreadable);
        var temperatures = folds.Select(fold => TemperatureScaling.FitSoftmax([.. fold.Validation.Select(p => p.Logits)], Labels(fold.Validation))).ToArray();
        double[] Mixed(RecordPrediction prediction, double temperature)
        {
            var own = Probabilities.Softmax(prediction.Logits, temperature);
            return companion?.Mix(prediction.Record, own) ?? own;
        }

        var mixtureTemperatures = folds.Select((fold, k) => companion is null
            ? 1
            : TemperatureScaling.FitSoftmax([.. fold.Validation.Select(p => Probabilities.Logarithms(Mixed(p, temperatures[k])))], Labels(fold.Validation))).ToArray();
        double[] Calibrated(RecordPrediction prediction, int fold) => companion is null
            ? Mixed(prediction, temperatures[fold])
            : Probabilities.Temper(Mixed(prediction, temperatures[fold]), mixtureTemperatures[fold]);

        var test = folds.SelectMany(fold => fold.Test).ToArray();
        var labels = Labels(test);
        var raw = test.Select(p => Mixed(p, 1)).ToArray();
        var calibrated = folds.SelectMany((fold, k) => fold.Test.Select(p => Calibrated(p, k))).ToArray();
        var predictions = calibrated.Select(p => Probabilities.ArgMax(p)).ToArray();
        var confusion = ConfusionMatrix.From(labels, predictions, Cinc2017.ClassNames.Length);
        var validation = folds.SelectMany((fold, k) => fold.Validation.Select(p => (Probabilities: Calibrated(p, k), p.Label, Readable: !unreadable.Contains(p.Record)))).ToArray();
        var threshold = ChooseThreshold([.. validation.Select(v => v.Probabilities)], [.. validation.Select(v => v.Label)], [.. validation.Select(v => v.Readable)]);
        var conclusive = Enumerable.Range(0, test.Length).Where(i => !unreadable.Contains(test[i].Record) && IsConclusive(calibrated[i], threshold)).ToArray();
        var (before, beforeCorrect) = Calibration.TopLabel(raw, labels);
        var (after, afterCorrect) = Calibration.TopLabel(calibrated, labels);
        var abnormal = AbnormalScores(calibrated, labels);
        var foldStarts = folds.Select((_, k) => folds.Take(k).Sum(fold => fold.Test.Count)).ToArray();
        return new RhythmEvaluation
        {
            Records = test.Length,
            ChallengeF1 = Bootstrap.Interval(test.Length, sample => ChallengeScore.Cinc2017(Subsets.Pick(labels, sample), Subsets.Pick(predictions, sample)), Seed),
            FoldChallengeF1 = [.. folds.Select((fold, k) => ChallengeScore.Cinc2017(Labels(fold.Test), [.. predictions.AsSpan(foldStarts[k], fold.Test.Count)]))],
            ClassF1 = [.. Enumerable.Range(0, confusion.ClassCount).Select(confusion.F1)],
            Confusion = confusion,
            Temperatures = temperatures,
            MixtureTemperatures = mixtureTemperatures,
            EceBefore = Calibration.ExpectedCalibrationError(before, beforeCorrect),
            EceAfter = Calibration.ExpectedCalibrationError(after, afterCorrect),
            ReliabilityBefore = Calibration.ReliabilityCurve(before, beforeCorrect),
            ReliabilityAfter = Calibration.ReliabilityCurve(after, afterCorrect),
            TestProbabilities = calibrated,
            TestLabels = labels,
            Threshold = threshold,
            InconclusiveShare = 1 - ((double)conclusive.Length / test.Length),
            ConclusiveChallengeF1 = ChallengeScore.Cinc2017(Subsets.Pick(labels, conclusive), Subsets.Pick(predictions, conclusive)),
            AbnormalAuroc = Bootstrap.Interval(abnormal.Scores.Length, sample => RankingMetrics.Auroc(Subsets.Pick(abnormal.Scores, sample), Subsets.Pick(abnormal.Positives, sample)), Seed),
            AbnormalAuprc = RankingMetrics.AveragePrecision(abnormal.Scores, abnormal.Positives),
            AbnormalF1 = BinaryF1(abnormal.Scores, abnormal.Positives),
        };
    }

    /// <summary>Whether a readable record gets a verdict: the top class is not Noisy and its probability reaches the threshold.</summary>
    public static bool IsConclusive(double[] probabilities, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var top = Probabilities.ArgMax(probabilities);
        return top != Cinc2017.Noisy && probabilities[top] >= threshold;
    }

    /// <summary>
    /// The threshold that gives the best CinC 2017 score on the conclusive validation records while withholding at
    /// most <see cref="MaximumInconclusiveShare"/> of them (unreadable records and Noisy verdicts included).
    /// </summary>
    private static double ChooseThreshold(double[][] probabilities, int[] labels, bool[] readable)
    {
        var best = (Threshold: 0.0, Score: double.NegativeInfinity);
        for (var threshold = 0.25; threshold <= 0.95; threshold += 0.01)
        {
            var conclusive = Enumerable.Range(0, labels.Length).Where(i => readable[i] && IsConclusive(probabilities[i], threshold)).ToArray();
            if (conclusive.Length < (1 - MaximumInconclusiveShare) * labels.Length)
            {
                break;
            }

            var score = ChallengeScore.Cinc2017(Subsets.Pick(labels, conclusive), [.. conclusive.Select(i => Probabilities.ArgMax(probabilities[i]))]);
            if (score > best.Score)
            {
                best = (Math.Round(threshold, 2), score);
            }
        }

        return best.Threshold;
    }

    /// <summary>Normal against AF or Other, Noisy records left out: each record's <see cref="AbnormalScore"/> and whether it is abnormal.</summary>
    public static (double[] Scores, bool[] Positives) AbnormalScores(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var kept = Enumerable.Range(0, labels.Count).Where(i => labels[i] != Cinc2017.Noisy).ToArray();
        var scores = kept.Select(i => AbnormalScore(probabilities[i])).ToArray();
        return (scores, [.. kept.Select(i => labels[i] != 0)]);
    }

    /// <summary>The probability of "abnormal" (AF or Other) from the four class probabilities, Noisy left out: (P(AF) + P(Other)) / (1 − P(Noisy)).</summary>
    public static double AbnormalScore(double[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return (probabilities[1] + probabilities[2]) / (probabilities[0] + probabilities[1] + probabilities[2]);
    }

    /// <summary>F1 of "abnormal" when its score exceeds one half.</summary>
    public static double BinaryF1(double[] scores, bool[] positives)
    {
        var matrix = ConfusionMatrix.From([.. positives.Select(p => p ? 1 : 0)], [.. scores.Select(s => s > 0.5 ? 1 : 0)], 2);
        return matrix.F1(1);
    }

    private static int[] Labels(IEnumerable<RecordPrediction> predictions) => [.. predictions.Select(p => p.Label)];
}

/// <summary>
/// Another model's out-of-fold probabilities (N, A, O, Noisy) by record, calibrated, mixed into a network's with a
/// fixed share.
/// </summary>
/// <param name="ByRecord">Record name → calibrated probabilities.</param>
/// <param name="Share">The other model's weight in the mean (0..1).</param>
/// <param name="Temperatures">
/// Per fold (0-based), the temperature its records' probabilities were calibrated with: fitted on the other folds'
/// out-of-fold predictions, so no label of a fold calibrates its own records.
/// </param>
public sealed record CompanionProbabilities(IReadOnlyDictionary<string, double[]> ByRecord, double Share, IReadOnlyList<double> Temperatures)
{
    /// <summary>(1 − share) · <paramref name="own"/> + share · the companion's probabilities of <paramref name="record"/>.</summary>
    public double[] Mix(string record, double[] own) => Probabilities.Mix(own, ByRecord[record], Share);

    /// <summary>
    /// Reads an out-of-fold file (<c>record,fold,label,pN,pA,pO,pNoisy</c>, as the feature experiment writes it) and,
    /// with <paramref name="calibrate"/>, calibrates each fold's probabilities by temperature scaling of their
    /// logarithms (the trees' raw scores up to a constant), the temperature fitted on the other folds' records.
    /// </summary>
    public static CompanionProbabilities Read(string path, double share, bool calibrate = true)
    {
        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(fields => (
            Record: fields[0],
            Fold: int.Parse(fields[1], CultureInfo.InvariantCulture),
            Label: int.Parse(fields[2], CultureInfo.InvariantCulture),
            Scores: Probabilities.Logarithms([.. fields[3..7].Select(f => double.Parse(f, CultureInfo.InvariantCulture))]))).ToArray();
        double FittedOutside(int fold)
        {
            var others = rows.Where(row => row.Fold != fold).ToArray();
            return TemperatureScaling.FitSoftmax([.. others.Select(row => row.Scores)], [.. others.Select(row => row.Label)]);
        }

        var temperatures = Enumerable.Range(0, rows.Max(row => row.Fold) + 1).Select(fold => calibrate ? FittedOutside(fold) : 1).ToArray();
        var calibrated = rows.ToDictionary(row => row.Record, row => Probabilities.Softmax(row.Scores, temperatures[row.Fold]), StringComparer.Ordinal);
        return new CompanionProbabilities(calibrated, share, temperatures);
    }
}
