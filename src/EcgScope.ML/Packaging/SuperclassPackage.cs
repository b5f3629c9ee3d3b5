using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Training;

namespace EcgScope.ML.Packaging;

/// <summary>
/// Ships a superclass network (<see cref="SuperclassNetwork.OneDimensional"/> or
/// <see cref="SuperclassNetwork.RecurrencePlot"/>) trained on all of PTB-XL's training folds, with its card: test-fold
/// figures with bootstrap intervals, the learning curve over the shares that were run, calibration, and optionally the
/// figures of another network on the same test records, side by side.
/// </summary>
public static class SuperclassPackage
{
    /// <summary>The published figure this is measured against: resnet1d_wang's macro AUROC with all 21,799 records (Strodthoff et al. 2021).</summary>
    public const double PublishedMacroAuroc = 0.930;

    /// <summary>Seed of the paired bootstrap of the side-by-side difference.</summary>
    private const int ComparisonSeed = 2017;

    /// <summary>
    /// Writes <paramref name="network"/>'s files under <paramref name="modelsDirectory"/> and its document under
    /// <paramref name="repositoryRoot"/>, from the runs in <paramref name="runsDirectory"/>; <paramref name="sideBySide"/>
    /// names another network and the folder of its runs, to set beside this one.
    /// </summary>
    public static ModelCard Write(
        SuperclassNetwork network,
        string runsDirectory,
        string dataDirectory,
        string modelsDirectory,
        string repositoryRoot,
        (SuperclassNetwork Network, string RunsDirectory)? sideBySide = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var records = PtbXl.Load(dataDirectory);
        var curve = SuperclassTraining.DefaultPercents
            .Where(percent => File.Exists(Path.Combine(runsDirectory, $"train{percent}", "test.csv")))
            .ToDictionary(percent => percent, percent => SuperclassEvaluation.Of(Path.Combine(runsDirectory, $"train{percent}"), records));
        var full = curve[100];
        var test = records.Where(r => r.Fold == PtbXl.TestFold).ToArray();
        var refused = test.Count(r => QualityGate.Reason(EcgFile.Read(r.Record.Path), network.Input.Leads) is not null);
        var card = new ModelCard
        {
            Name = network.Name,
            Title = network.Title,
            IntendedUse = "Flagging which of PTB-XL's five diagnostic superclasses a resting 12-lead ECG resembles, for research and education; not for diagnosis.",
            Task = ModelTask.MultiLabel,
            Classes =
            [
                new ModelClass("NORM", "a normal ECG pattern"),
                new ModelClass("MI", "a pattern like myocardial infarction"),
                new ModelClass("STTC", "a pattern of ST/T changes"),
                new ModelClass("CD", "a pattern of conduction disturbance"),
                new ModelClass("HYP", "a pattern like hypertrophy"),
            ],
            Input = network.Input,
            Weights = ShippedModel.Write(network.Export(Path.Combine(runsDirectory, "train100", "best.weights")), modelsDirectory, network.Name),
            Calibration = new ModelCalibration { Temperature = full.Temperature, ExpectedCalibrationErrorBefore = full.EceBefore, ExpectedCalibrationErrorAfter = full.EceAfter },
            Decision = new ModelDecision { RequireAcceptableQuality = true },
            Metrics = new Dictionary<string, double>
            {
                ["macroAuroc"] = full.MacroAuroc.Estimate,
                ["macroAurocLower"] = full.MacroAuroc.Lower,
                ["macroAurocUpper"] = full.MacroAuroc.Upper,
                ["validationMacroAuroc"] = full.ValidationMacroAuroc,
                ["inconclusiveShare"] = (double)refused / test.Length,
            }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Document = network.Document,
        };
        ShippedModel.WriteCard(card, modelsDirectory);
        var seconds = curve.Keys.Sum(percent => FoldCheckpoint.Read(Path.Combine(runsDirectory, $"train{percent}")).TrainingSeconds);
        var fullRun = FoldCheckpoint.Read(Path.Combine(runsDirectory, "train100"));
        var comparison = sideBySide is var (other, otherRuns)
            ? new SideBySideFigures(
                other,
                SuperclassEvaluation.Of(Path.Combine(otherRuns, "train100"), records),
                FoldCheckpoint.Read(Path.Combine(otherRuns, "train100")).TrainingSeconds,
                fullRun.TrainingSeconds,
                SuperclassEvaluation.MacroAurocDifference(Path.Combine(runsDirectory, "train100"), Path.Combine(otherRuns, "train100"), records, ComparisonSeed))
            : null;
        var document = Path.Combine(repositoryRoot, network.Document);
        var charts = Charts(new CardFigures(document), card, full, fullRun);
        File.WriteAllText(document, WriteDocument(network, card, curve, records, seconds, comparison, charts));
        return card;
    }

    /// <summary>The card's charts on the test fold: per-class ROC and precision-recall, calibration, and the full run's training.</summary>
    private static string[] Charts(CardFigures figures, ModelCard card, SuperclassEvaluation evaluation, FoldCheckpoint training)
    {
        ScoredOutcome[] outcomes =
        [
            .. card.Classes.Select((superclass, c) => new ScoredOutcome(
                superclass.Name, [.. evaluation.TestLogits.Select(logits => logits[c])], [.. evaluation.TestTargets.Select(targets => targets[c])])),
        ];
        return
        [
            figures.Roc($"{card.Name}: ROC per superclass (test fold 10)", outcomes),
            figures.PrecisionRecall($"{card.Name}: precision and recall per superclass (test fold 10)", outcomes),
            figures.Reliability($"{card.Name}: calibration of the yes/no decisions (test fold 10)", evaluation.ReliabilityBefore, evaluation.ReliabilityAfter),
            figures.Training($"{card.Name}: loss per epoch (folds 1-8; validation on fold 9)", [("folds 1-8", training)]),
        ];
    }

    private static string WriteDocument(
        SuperclassNetwork network, ModelCard card, Dictionary<int, SuperclassEvaluation> curve, IReadOnlyList<PtbXlRecord> records, double seconds, SideBySideFigures? comparison, string[] charts)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        void Line(FormattableString line) => text.AppendLine(line.ToString(culture));
        var full = curve[100];
        var training = records.Count(r => r.Fold < PtbXl.ValidationFold);
        var compare = comparison is null ? "" : $" --compare {comparison.Network.Name.ToUpperInvariant().Replace('-', '_')}_RUNS";
        Line($"# Model card: {card.Name}");
        Line($"");
        Line($"{card.Title}. Written by `dotnet run -c Release --project src/EcgScope.Training -- package {card.Name} --runs DIR --data DATA{compare}` from the runs");
        Line($"`dotnet run -c Release --project src/EcgScope.Training -- {card.Name} --data DATA --out DIR` trains; do not edit by hand. Every figure is");
        Line($"**out-of-sample** unless marked: PTB-XL's test fold 10 ({full.Records} records) was used for nothing but these figures.");
        Line($"");
        Line($"## Intended use and limits");
        Line($"");
        Line($"{card.IntendedUse} Several patterns may apply at once; each has its own calibrated probability, and a pattern is flagged from 0.5.");
        Line($"Trained on {training:N0} records (a tenth of PTB-XL, from one German hospital's Schiller devices, 1989-1996): other devices, children, paced rhythms and");
        Line($"the finer diagnostic statements are outside what it was measured on. Not a medical device; its flags are not diagnoses.");
        Line($"");
        Line($"## Data and licence");
        Line($"");
        Line($"PTB-XL (Wagner P et al., Scientific Data 7:154, 2020; CC BY 4.0), the {records.Count:N0} records of this project's copy that carry a diagnostic superclass, at 100 Hz. Labels: every diagnostic");
        Line($"statement of a record, whatever its likelihood, mapped to its superclass, as the PTB-XL benchmark does. Splits: the dataset's own folds, 1-8 train, 9 validation (epoch choice, temperature), 10 test.");
        Line($"");
        Line($"## Input and network");
        Line($"");
        Line($"- The 12 standard leads ({string.Join(" ", card.Input.Leads)}), resampled to {card.Input.SampleRateHz:0} Hz, zero-phase band-pass {card.Input.HighPassHz:0.#}-{card.Input.LowPassHz:0} Hz, z-score per lead and window; windows of {card.Input.WindowSeconds:0.#} s.");
        Line($"- {network.Description} Binary cross-entropy; AdamW with warm-up and cosine decay.");
        Line($"- Time: {seconds / 60:0.#} minutes of training epochs (validation included; reading the data and writing predictions not) for the runs below on this project's 2-core machine (CPU, TorchSharp).");
        Line($"");
        Line($"## Figures (test fold 10)");
        Line($"");
        Line($"| training records | test macro AUROC (95 % bootstrap) | fold 9 macro AUROC (chose the epoch: optimistic) |");
        Line($"|---|---|---|");
        foreach (var (percent, evaluation) in curve.OrderBy(pair => pair.Key))
        {
            Line($"| {percent} % of folds 1-8 ({Math.Round(training * percent / 100.0):0}) | {evaluation.MacroAuroc.Estimate:0.000} ({evaluation.MacroAuroc.Lower:0.000}-{evaluation.MacroAuroc.Upper:0.000}) | {evaluation.ValidationMacroAuroc:0.000} |");
        }

        Line($"| published resnet1d_wang, all 17,418 training records of PTB-XL | {PublishedMacroAuroc:0.000} | |");
        Line($"");
        Line($"{(curve.Count > 1 ? "The learning curve shows what a tenth of the data costs; the" : "The")} shipped network is the one trained on all of folds 1-8 here.");
        Line($"");
        Line($"| superclass | AUROC (95 % bootstrap) |");
        Line($"|---|---|");
        for (var c = 0; c < card.Classes.Length; c++)
        {
            Line($"| {card.Classes[c].Name} | {full.ClassAuroc[c].Estimate:0.000} ({full.ClassAuroc[c].Lower:0.000}-{full.ClassAuroc[c].Upper:0.000}) |");
        }

        Line($"");
        foreach (var chart in charts)
        {
            Line($"{chart}");
            Line($"");
        }

        Line($"\"Inconclusive\" comes only from the quality gate here (half or more of the 12 leads unacceptable): {card.Metrics["inconclusiveShare"]:P1} of the test records. The AUROCs above count every test record.");
        Line($"");
        Line($"## Calibration");
        Line($"");
        Line($"One temperature for the five outputs, fitted on fold 9: {full.Temperature:0.000}. Expected calibration error of the outputs' yes/no decisions ({Calibration.DefaultBins} bins) on fold 10: {full.EceBefore:0.000} before, {full.EceAfter:0.000} after.");
        Line($"");
        if (comparison is not null)
        {
            Line($"## Side by side with {comparison.Network.Name} (same folds, same {full.Records} test records)");
            Line($"");
            Line($"Both networks read the same leads at the same rate and filtering (superclass-cnn in 2.5 s windows, recurrence-cnn the whole 10 s), trained on the same 1,481 records of folds 1-8 with the same recipe and seed, chose their epoch on fold 9 and are scored on fold 10 alone.");
            Line($"");
            Line($"| model | test macro AUROC (95 % bootstrap) | NORM | MI | STTC | CD | HYP | ECE after scaling | training epochs (minutes) |");
            Line($"|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, evaluation, minutes) in new[] { (comparison.Network.Name, comparison.Evaluation, comparison.TrainingSeconds / 60), (card.Name, full, comparison.OwnTrainingSeconds / 60) })
            {
                var classes = string.Join(" | ", evaluation.ClassAuroc.Select(c => c.Estimate.ToString("0.000", culture)));
                Line($"| `{name}` | {evaluation.MacroAuroc.Estimate:0.000} ({evaluation.MacroAuroc.Lower:0.000}-{evaluation.MacroAuroc.Upper:0.000}) | {classes} | {evaluation.EceAfter:0.000} | {minutes:0.#} |");
            }

            Line($"");
            Line($"Macro AUROC of {card.Name} minus {comparison.Network.Name}, paired bootstrap over the same test records: {comparison.Difference.Estimate:+0.000;-0.000} ({comparison.Difference.Lower:+0.000;-0.000} to {comparison.Difference.Upper:+0.000;-0.000}).");
            Line($"");
        }

        Line($"`models/{card.Name}/{card.Weights.File}`, SHA-256 `{card.Weights.Sha256}`.");
        return text.ToString();
    }

    /// <summary>
    /// Another network's figures on the same test records, the training seconds of both full runs, and the paired
    /// difference of the macro AUROC (this − other).
    /// </summary>
    private sealed record SideBySideFigures(
        SuperclassNetwork Network, SuperclassEvaluation Evaluation, double TrainingSeconds, double OwnTrainingSeconds, ConfidenceInterval Difference);
}
