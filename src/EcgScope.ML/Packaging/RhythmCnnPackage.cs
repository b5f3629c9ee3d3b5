using System.Collections.Immutable;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Training;

namespace EcgScope.ML.Packaging;

/// <summary>
/// Ships the rhythm CNN: the network of one cross-validation fold exported to ONNX, and its card (JSON for the registry,
/// Markdown for people) carrying the cross-validated, out-of-sample figures. The shipped fold's own test records were
/// never seen in its training, so its figure on them is out-of-sample too; the CI test reproduces that figure on a
/// fixed slice of them through ONNX Runtime.
/// </summary>
public static class RhythmCnnPackage
{
    /// <summary>The cross-validation fold whose network is shipped (1-based).</summary>
    public const int ShippedFold = 1;

    /// <summary>The records of the shipped fold's test set the card's slice figure is computed on (the first this many, in CinC order).</summary>
    public const int SliceRecords = 400;

    /// <summary>The document of the card, relative to the repository root.</summary>
    public const string Document = "docs/models/rhythm-cnn.md";

    /// <summary>
    /// Writes <c>NAME/NAME.onnx</c> and <c>NAME/NAME.json</c> under <paramref name="modelsDirectory"/> and the card
    /// document under <paramref name="repositoryRoot"/>; returns the card.
    /// </summary>
    /// <param name="crossValidationDirectory">The cross-validation's output folder.</param>
    /// <param name="records">The CinC 2017 records it ran on.</param>
    /// <param name="modelsDirectory">The repository's <c>models</c> folder.</param>
    /// <param name="repositoryRoot">The repository root, for the card document.</param>
    /// <param name="featureModelOutOfFold">
    /// Optionally the feature model's out-of-fold probabilities (<c>record,fold,label,pN,pA,pO,pNoisy</c>), for the
    /// side-by-side and ensemble figures of the card document.
    /// </param>
    public static ModelCard Write(string crossValidationDirectory, IReadOnlyList<LabelledRecord> records, string modelsDirectory, string repositoryRoot, string? featureModelOutOfFold = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var folds = FoldPredictions.ReadAll(crossValidationDirectory);
        var evaluation = RhythmEvaluation.Of(folds, Unreadable(records));
        var weights = ShippedModel.Export(Path.Combine(crossValidationDirectory, $"fold{ShippedFold}", "best.weights"), RhythmCnn.Shape, modelsDirectory, RhythmCnn.Name);

        var shipped = folds[ShippedFold - 1];
        var slice = shipped.Test.Take(SliceRecords).ToArray();
        var sliceScore = ChallengeScore.Cinc2017([.. slice.Select(p => p.Label)], [.. slice.Select(p => Probabilities.ArgMax(p.Logits))]);
        var card = new ModelCard
        {
            Name = RhythmCnn.Name,
            Title = "Rhythm from one lead (1-D ResNet)",
            IntendedUse = "Sorting single-lead recordings (wearables, lead I) into the rhythm patterns of CinC 2017 for research and self-tracking; not for diagnosis or monitoring.",
            Task = ModelTask.SingleLabel,
            Classes =
            [
                new ModelClass("Normal", "a normal sinus rhythm pattern"),
                new ModelClass("AF", "a pattern like atrial fibrillation"),
                new ModelClass("Other", "a rhythm pattern that is neither normal nor like atrial fibrillation"),
                new ModelClass("Noisy", "a recording too noisy to read"),
            ],
            Input = RhythmCnn.Input,
            Weights = weights,
            Calibration = new ModelCalibration
            {
                Temperature = evaluation.Temperatures[ShippedFold - 1],
                ExpectedCalibrationErrorBefore = evaluation.EceBefore,
                ExpectedCalibrationErrorAfter = evaluation.EceAfter,
            },
            Decision = new ModelDecision { MinimumProbability = evaluation.Threshold, InconclusiveClasses = ["Noisy"], RequireAcceptableQuality = true },
            Metrics = new Dictionary<string, double>
            {
                ["challengeF1"] = evaluation.ChallengeF1.Estimate,
                ["challengeF1Lower"] = evaluation.ChallengeF1.Lower,
                ["challengeF1Upper"] = evaluation.ChallengeF1.Upper,
                ["conclusiveChallengeF1"] = evaluation.ConclusiveChallengeF1,
                ["inconclusiveShare"] = evaluation.InconclusiveShare,
                ["abnormalAuroc"] = evaluation.AbnormalAuroc.Estimate,
                ["shippedFoldChallengeF1"] = evaluation.FoldChallengeF1[ShippedFold - 1],
                ["sliceChallengeF1"] = sliceScore,
            }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Document = Document,
        };
        ShippedModel.WriteCard(card, modelsDirectory);
        var checkpoints = Enumerable.Range(1, folds.Count).Select(k => FoldCheckpoint.Read(Path.Combine(crossValidationDirectory, $"fold{k}"))).ToArray();
        var document = Path.Combine(repositoryRoot, Document);
        var comparison = featureModelOutOfFold is null ? null : new FeatureModelComparison(folds, evaluation, featureModelOutOfFold);
        File.WriteAllText(document, RhythmCnnCardDocument.Write(
            card, evaluation, Recipe(crossValidationDirectory), records.Count, checkpoints.Sum(c => c.TrainingSeconds), comparison, Charts(new CardFigures(document), evaluation, checkpoints)));
        return card;
    }

    /// <summary>The card's charts: one-vs-rest ROC and precision-recall curves, calibration, and each fold's training.</summary>
    private static string[] Charts(CardFigures figures, RhythmEvaluation evaluation, IReadOnlyList<FoldCheckpoint> checkpoints)
    {
        var (abnormalScores, abnormal) = RhythmEvaluation.AbnormalScores(evaluation.TestProbabilities, evaluation.TestLabels);
        ScoredOutcome[] outcomes =
        [
            .. Cinc2017.ClassNames.Select((name, c) => new ScoredOutcome(
                name, [.. evaluation.TestProbabilities.Select(p => p[c])], [.. evaluation.TestLabels.Select(label => label == c)])),
            new ScoredOutcome("abnormal (AF or Other, Noisy left out)", abnormalScores, abnormal),
        ];
        return
        [
            figures.Roc($"{RhythmCnn.Name}: ROC, one class against the rest (all folds' test records)", outcomes),
            figures.PrecisionRecall($"{RhythmCnn.Name}: precision and recall (all folds' test records)", outcomes),
            figures.Reliability($"{RhythmCnn.Name}: calibration of the top label", evaluation.ReliabilityBefore, evaluation.ReliabilityAfter),
            figures.Training($"{RhythmCnn.Name}: loss per epoch", CardFigures.Folds(checkpoints)),
        ];
    }

    /// <summary>The options the shipped fold was trained with, as its checkpoint records them.</summary>
    private static TrainingRecipe Recipe(string crossValidationDirectory)
    {
        var folder = Path.Combine(crossValidationDirectory, $"fold{ShippedFold}");
        return FoldCheckpoint.Read(folder).Recipe ?? throw new InvalidDataException($"{folder}/state.json does not record the options the run was trained with.");
    }

    /// <summary>The records the served model's quality gate refuses (its one lead judged unacceptable), read in parallel.</summary>
    private static HashSet<string> Unreadable(IReadOnlyList<LabelledRecord> records)
    {
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(records, record =>
        {
            var ecg = EcgFile.Read(record.Path);
            if (QualityGate.Reason(ecg, [ecg.Leads[0].Name]) is not null)
            {
                refused.Add(record.Name);
            }
        });
        return [.. refused];
    }
}
