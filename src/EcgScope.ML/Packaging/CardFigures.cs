using System.Globalization;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Training;
using EcgScope.Reports.Charts;

namespace EcgScope.ML.Packaging;

/// <summary>One scored outcome of a model for a ROC or precision-recall chart: its name, the scores and the truth.</summary>
/// <param name="Name">What is scored ("AF", "abnormal").</param>
/// <param name="Scores">Each record's score (higher means positive).</param>
/// <param name="Positives">Whether each record is positive.</param>
public sealed record ScoredOutcome(string Name, IReadOnlyList<double> Scores, IReadOnlyList<bool> Positives)
{
    /// <summary>
    /// One outcome per class of a single-label model: each record's probability of the class, positive where the class
    /// is the record's label.
    /// </summary>
    public static ScoredOutcome[] OneVsRest(IReadOnlyList<string> classNames, IReadOnlyList<double[]> probabilities, IReadOnlyList<int> labels) =>
        [.. classNames.Select((name, c) => new ScoredOutcome(name, [.. probabilities.Select(p => p[c])], [.. labels.Select(label => label == c)]))];
}

/// <summary>
/// The charts of a model card, drawn from its out-of-sample figures and written as PNGs beside the card's document:
/// ROC and precision-recall curves, the reliability diagram before and after temperature scaling, and the training
/// curves of every fold. Each method returns the Markdown that shows its image. The files are named after the
/// document (<c>NAME-roc.png</c>), or after <paramref name="model"/> where several models share one document.
/// </summary>
public sealed class CardFigures(string documentPath, string? model = null)
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    private readonly string folder = Path.GetDirectoryName(Path.GetFullPath(documentPath))!;
    private readonly string stem = model ?? Path.GetFileNameWithoutExtension(documentPath);

    /// <summary>One-vs-rest ROC curves of <paramref name="outcomes"/>, each named with its AUROC.</summary>
    public string Roc(string title, IReadOnlyList<ScoredOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var curves = outcomes.Select(outcome =>
        {
            var (falsePositiveRate, truePositiveRate) = RankingMetrics.RocCurve([.. outcome.Scores], [.. outcome.Positives]);
            return new Curve(string.Create(Text, $"{outcome.Name} (AUROC {RankingMetrics.Auroc([.. outcome.Scores], [.. outcome.Positives]):0.000})"), falsePositiveRate, truePositiveRate);
        });
        return Write("roc", new CurveChart(title, "false-positive rate", "true-positive rate", [.. curves]) { UnitSquare = true, Diagonal = true });
    }

    /// <summary>Precision-recall curves of <paramref name="outcomes"/>, each named with its average precision.</summary>
    public string PrecisionRecall(string title, IReadOnlyList<ScoredOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var curves = outcomes.Select(outcome =>
        {
            var (recall, precision) = RankingMetrics.PrecisionRecallCurve([.. outcome.Scores], [.. outcome.Positives]);
            return new Curve(string.Create(Text, $"{outcome.Name} (AUPRC {RankingMetrics.AveragePrecision([.. outcome.Scores], [.. outcome.Positives]):0.000})"), recall, precision);
        });
        return Write("precision-recall", new CurveChart(title, "recall", "precision", [.. curves]) { UnitSquare = true });
    }

    /// <summary>The reliability diagram: accuracy against mean confidence per bin, before and after temperature scaling.</summary>
    public string Reliability(string title, IReadOnlyList<ReliabilityBin> before, IReadOnlyList<ReliabilityBin> after)
    {
        var chart = new CurveChart(title, "mean confidence of the bin", "share right in the bin", [Bins("before scaling", before), Bins("after scaling", after)])
        {
            UnitSquare = true,
            Diagonal = true,
        };
        return Write("calibration", chart);
    }

    /// <summary>Training and validation loss per epoch of each named run (a cross-validation's folds, or one run).</summary>
    public string Training(string title, IReadOnlyList<(string Name, FoldCheckpoint Run)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var curves = runs.SelectMany((run, k) =>
        {
            double[] epochs = [.. run.Run.History.Select(e => (double)e.Epoch)];
            return new[]
            {
                new Curve($"{run.Name} training", epochs, [.. run.Run.History.Select(e => e.TrainingLoss)], colour: k),
                new Curve($"{run.Name} validation", epochs, [.. run.Run.History.Select(e => e.ValidationLoss)], dashed: true, colour: k),
            };
        });
        return Write("training", new CurveChart(title, "epoch", "loss (cross-entropy; validation dashed)", [.. curves]) { LegendBeside = true }, width: 800);
    }

    /// <summary>Cross-validation folds named "fold 1", "fold 2", … for <see cref="Training"/>.</summary>
    public static (string Name, FoldCheckpoint Run)[] Folds(IEnumerable<FoldCheckpoint> folds) =>
        [.. folds.Select((fold, k) => (string.Create(Text, $"fold {k + 1}"), fold))];

    private static Curve Bins(string name, IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var filled = bins.Where(bin => bin.Count > 0).ToArray();
        return new Curve(name, [.. filled.Select(bin => bin.MeanConfidence)], [.. filled.Select(bin => bin.Accuracy)], markers: true);
    }

    private string Write(string figure, CurveChart chart, int width = 640)
    {
        var file = $"{stem}-{figure}.png";
        File.WriteAllBytes(Path.Combine(folder, file), chart.ToPng(width));
        return $"![{chart.Title}]({file})";
    }
}
