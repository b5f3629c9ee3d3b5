using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Packaging;

/// <summary>
/// The charts of a printout classifier's card, from its cross-validation's out-of-fold test predictions: one-vs-rest
/// ROC and precision-recall curves with each fold's temperature applied, and the reliability of the top group before
/// and after it.
/// </summary>
internal static class PrintoutCardCharts
{
    /// <summary>Draws the charts of model <paramref name="name"/> with <paramref name="figures"/>.</summary>
    /// <param name="figures">Where the charts go.</param>
    /// <param name="name">The model, for the titles.</param>
    /// <param name="folds">The cross-validation's folds, in order.</param>
    /// <param name="temperatures">Each fold's temperature, in the same order.</param>
    public static void Draw(CardFigures figures, string name, IReadOnlyList<FoldPredictions> folds, IReadOnlyList<double> temperatures)
    {
        var test = folds.SelectMany((fold, k) => fold.Test.Select(p => (p.Label, p.Logits, Temperature: temperatures[k]))).ToArray();
        var labels = test.Select(p => p.Label).ToArray();
        var before = test.Select(p => Probabilities.Softmax(p.Logits)).ToArray();
        var after = test.Select(p => Probabilities.Softmax(p.Logits, p.Temperature)).ToArray();
        var outcomes = ScoredOutcome.OneVsRest(CardiacPrintouts.ClassNames, after, labels);
        figures.Roc($"{name}: ROC, one group against the rest (out-of-fold, {test.Length} printouts)", outcomes);
        figures.PrecisionRecall($"{name}: precision and recall (out-of-fold)", outcomes);
        var (beforeConfidence, beforeCorrect) = Calibration.TopLabel(before, labels);
        var (afterConfidence, afterCorrect) = Calibration.TopLabel(after, labels);
        figures.Reliability(
            $"{name}: calibration of the top group (out-of-fold)",
            Calibration.ReliabilityCurve(beforeConfidence, beforeCorrect),
            Calibration.ReliabilityCurve(afterConfidence, afterCorrect));
    }
}
