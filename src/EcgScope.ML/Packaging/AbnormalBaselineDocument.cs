using System.Globalization;
using System.Text;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Training;

namespace EcgScope.ML.Packaging;

/// <summary>
/// The smartwatch product's LSTM baseline beside the rhythm network, normal against abnormal on the same test records
/// (<c>docs/models/abnormal-lstm.md</c> and its charts). The baseline is a yardstick, not a served model: nothing of it goes
/// under <c>models/</c>.
/// </summary>
public static class AbnormalBaselineDocument
{
    /// <summary>The document, relative to the repository root.</summary>
    public const string Document = "docs/models/abnormal-lstm.md";

    /// <summary>Writes the document and its charts under <paramref name="repositoryRoot"/>; returns the figures of both models.</summary>
    /// <param name="lstmDirectory">The LSTM's cross-validation folder (<c>ecgscope-train abnormal-lstm --out</c>).</param>
    /// <param name="rhythmDirectory">The rhythm network's cross-validation folder.</param>
    /// <param name="repositoryRoot">The repository root.</param>
    public static IReadOnlyList<AbnormalFigures> Write(string lstmDirectory, string rhythmDirectory, string repositoryRoot)
    {
        var figures = AbnormalComparison.Of(lstmDirectory, rhythmDirectory);
        var checkpoints = Directory.GetDirectories(lstmDirectory, "fold*").Order(StringComparer.Ordinal).Select(FoldCheckpoint.Read).Where(c => c.EpochsDone > 0).ToArray();
        var path = Path.Combine(repositoryRoot, Document);
        var charts = new CardFigures(path);
        ScoredOutcome[] outcomes = [.. figures.Select(f => new ScoredOutcome(f.Model.Split(',')[0], f.Scores, f.Positives))];
        string[] images =
        [
            charts.Roc("Normal against abnormal (AF or Other): ROC on the same test records", outcomes),
            charts.PrecisionRecall("Normal against abnormal: precision and recall", outcomes),
            charts.Training($"{AbnormalLstm.Name}: loss per epoch", CardFigures.Folds(checkpoints)),
        ];
        File.WriteAllText(path, Text(figures, checkpoints, images));
        return figures;
    }

    /// <summary>The side-by-side table as Markdown lines.</summary>
    public static IEnumerable<string> Table(IReadOnlyList<AbnormalFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        yield return "| model | records | AUROC (95 % bootstrap) | AUPRC | F1 |";
        yield return "|---|---|---|---|---|";
        foreach (var f in figures)
        {
            yield return string.Create(
                CultureInfo.InvariantCulture, $"| {f.Model} | {f.Records:N0} | {f.Auroc.Estimate:0.000} ({f.Auroc.Lower:0.000}-{f.Auroc.Upper:0.000}) | {f.Auprc:0.000} | {f.F1:0.000} |");
        }
    }

    private static string Text(IReadOnlyList<AbnormalFigures> figures, FoldCheckpoint[] checkpoints, IReadOnlyList<string> images)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        void Line(FormattableString line) => text.AppendLine(line.ToString(culture));
        var recipe = checkpoints[0].Recipe;
        var shape = AbnormalLstm.Shape;
        var input = AbnormalLstm.Input;
        Line($"# Baseline: the smartwatch product's LSTM ({AbnormalLstm.Name})");
        Line($"");
        Line($"Written by `dotnet run -c Release --project src/EcgScope.Training -- compare abnormal --lstm DIR --rhythm DIR` after");
        Line($"`dotnet run -c Release --project src/EcgScope.Training -- {AbnormalLstm.Name} --data DATA --out DIR{(recipe is null ? "" : $" --epochs {recipe.Epochs}")}`; do not edit by hand.");
        Line($"Every figure is **out-of-sample**: each record is scored by the networks of the fold that held it out.");
        Line($"");
        Line($"One of the products EcgScope replaces told normal from abnormal single-lead smartwatch ECGs with a two-layer LSTM");
        Line($"(128 and 64 units, batch norm, dropout) over framed samples, and reported AUROC 0.78 and F1 0.71 in stratified 5-fold");
        Line($"cross-validation on its own data. This is that network, trained and scored here on the same task as ours: CinC 2017,");
        Line($"Normal against AF or Other, Noisy records left out, on the rhythm network's folds. It is a yardstick and is not served.");
        Line($"");
        Line($"## Side by side");
        Line($"");
        foreach (var row in Table(figures))
        {
            Line($"{row}");
        }

        Line($"");
        Line($"F1 is of \"abnormal\" when its probability passes one half. Neither model is calibrated or thresholded here.");
        Line($"");
        foreach (var image in images)
        {
            Line($"{image}");
            Line($"");
        }

        Line($"## The network as built here");
        Line($"");
        Line($"- Lead {string.Join(", ", input.Leads)} at {input.SampleRateHz:0} Hz, band-pass {input.HighPassHz:0.#}-{input.LowPassHz:0} Hz, windows of {input.WindowSeconds:0} s, cut into frames of {shape.FrameSamples} samples ({input.WindowSamples / shape.FrameSamples} LSTM steps).");
        Line($"- LSTM {shape.Hidden1} → batch norm → dropout {shape.Dropout} → LSTM {shape.Hidden2} (last step) → batch norm → dropout → linear; recurrent weights orthogonal and forget-gate bias 1, as Keras initialises them.");
        Line($"- Where it departs from the product, and why (a trial on 2,000 training and 500 validation records, 300 steps, on this machine):");
        Line($"  the product scaled each window min-max to [0, 1]; that input stayed at chance (validation AUROC 0.53), z-scored windows reached 0.62,");
        Line($"  so the baseline reads z-scored windows. Frames of 30 samples (300 steps) also stayed at chance (0.50); frames of 100 samples are used.");
        if (recipe is not null)
        {
            Line($"- AdamW (peak learning rate {recipe.LearningRate}, weight decay {recipe.WeightDecay}), {recipe.WarmupSteps} warm-up steps then cosine decay, {recipe.Epochs} epochs of random windows in batches of {recipe.BatchSize}; the epoch with the best validation F1 of \"abnormal\" is kept.");
        }

        Line($"- Time: {checkpoints.Sum(c => c.TrainingSeconds) / 60:0} minutes for {checkpoints.Length} folds on this project's 2-core machine (CPU, TorchSharp), shared with other work.");
        return text.ToString();
    }
}
