using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;

namespace EcgScope.ML.Evaluation;

/// <summary>Normal against abnormal (AF or Other) figures of one model on a set of records.</summary>
/// <param name="Model">The model, in words.</param>
/// <param name="Records">Records scored.</param>
/// <param name="Auroc">AUROC of the abnormal score, with its bootstrap interval.</param>
/// <param name="Auprc">Average precision of the abnormal score.</param>
/// <param name="F1">F1 of "abnormal" when its probability exceeds one half.</param>
/// <param name="Scores">Each record's abnormal score, for curves.</param>
/// <param name="Positives">Whether each record is abnormal.</param>
public sealed record AbnormalFigures(string Model, int Records, ConfidenceInterval Auroc, double Auprc, double F1, IReadOnlyList<double> Scores, IReadOnlyList<bool> Positives);

/// <summary>
/// The smartwatch product's task, normal against AF or Other with Noisy records left out, for the LSTM baseline and
/// the rhythm network on the same test records (the folds both have finished): the rhythm network's abnormal score is
/// P(AF) + P(Other) renormalised without Noisy.
/// </summary>
public static class AbnormalComparison
{
    private const int Seed = 2017;

    /// <summary>The figures of both models on the test records of the folds present in both directories.</summary>
    public static IReadOnlyList<AbnormalFigures> Of(string lstmDirectory, string rhythmDirectory)
    {
        var lstm = FoldPredictions.ReadAll(lstmDirectory);
        var rhythm = FoldPredictions.ReadAll(rhythmDirectory).Take(lstm.Count).ToList();
        var lstmTest = lstm.SelectMany(fold => fold.Test).ToArray();
        var rhythmTest = rhythm.SelectMany(fold => fold.Test).Where(p => p.Label != Cinc2017.Noisy).ToDictionary(p => p.Record, StringComparer.Ordinal);
        var positives = lstmTest.Select(p => p.Label == 1).ToArray();
        var lstmScores = lstmTest.Select(p => Probabilities.Softmax(p.Logits)[1]).ToArray();
        var rhythmScores = lstmTest.Select(p => RhythmEvaluation.AbnormalScore(Probabilities.Softmax(rhythmTest[p.Record].Logits))).ToArray();
        return
        [
            Figures($"framed LSTM 128-64 (the smartwatch product's baseline), {lstm.Count} folds", lstmScores, positives),
            Figures($"rhythm-cnn, P(AF) + P(Other) without Noisy, same folds", rhythmScores, positives),
        ];
    }

    private static AbnormalFigures Figures(string model, double[] scores, bool[] positives) =>
        new(
            model,
            scores.Length,
            Bootstrap.Interval(scores.Length, sample => RankingMetrics.Auroc(Subsets.Pick(scores, sample), Subsets.Pick(positives, sample)), Seed),
            RankingMetrics.AveragePrecision(scores, positives),
            RhythmEvaluation.BinaryF1(scores, positives),
            scores,
            positives);
}
