using System.Collections.Immutable;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Training;
using EcgScope.ML.Trees;

namespace EcgScope.ML.Packaging;

/// <summary>
/// Ships the rhythm CNN (<c>rhythm-cnn</c>), alone or with the feature trees as its companion (<c>rhythm-ensemble</c>,
/// which reads <c>rhythm-cnn</c>'s network file, so that one is packaged first from the same cross-validation):
/// the network of one cross-validation fold exported to ONNX, the trees trained on that fold's training records, and
/// the card (JSON for the registry, Markdown for people) carrying the cross-validated, out-of-sample figures. The
/// shipped fold's own test records were never seen in its training, so its figure on them is out-of-sample too; the
/// CI test reproduces that figure on a fixed slice of them through ONNX Runtime.
/// </summary>
public static class RhythmCnnPackage
{
    /// <summary>The cross-validation fold whose network is shipped (1-based).</summary>
    public const int ShippedFold = 1;

    /// <summary>The records of the shipped fold's test set the card's slice figure is computed on (the first this many, in CinC order).</summary>
    public const int SliceRecords = 400;

    /// <summary>
    /// Writes <c>rhythm-cnn/</c> (ONNX and card) under <paramref name="modelsDirectory"/> and its card document under
    /// <paramref name="repositoryRoot"/>; returns the card.
    /// </summary>
    /// <param name="crossValidationDirectory">The cross-validation's output folder.</param>
    /// <param name="records">The CinC 2017 records it ran on.</param>
    /// <param name="modelsDirectory">The repository's <c>models</c> folder.</param>
    /// <param name="repositoryRoot">The repository root, for the card document.</param>
    /// <param name="featureExperimentDirectory">
    /// Optionally the feature experiment's output folder (<see cref="RhythmFeatureExperiment"/>), for the side-by-side
    /// and ensemble figures of the card document.
    /// </param>
    public static ModelCard Write(string crossValidationDirectory, IReadOnlyList<LabelledRecord> records, string modelsDirectory, string repositoryRoot, string? featureExperimentDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var unreadable = Unreadable(records);
        var folds = FoldPredictions.ReadAll(crossValidationDirectory);
        return Package(
            crossValidationDirectory, folds, records, unreadable, RhythmCnn.Name, "Rhythm from one lead (1-D ResNet)", modelsDirectory, repositoryRoot,
            featureExperimentDirectory, trees: null);
    }

    /// <summary>
    /// Writes <c>rhythm-ensemble/</c>: a card reading the same fold's network from <c>rhythm-cnn/</c> (which must hold
    /// it), and trees with the feature experiment's chosen options trained on that fold's training records, as its
    /// companion; returns the card.
    /// </summary>
    /// <param name="crossValidationDirectory">The network's cross-validation folder.</param>
    /// <param name="records">The CinC 2017 records both ran on (the same folds).</param>
    /// <param name="features">Each record's rhythm features (<see cref="FeatureSet.Rhythm"/>), in <paramref name="records"/>' order.</param>
    /// <param name="featureExperimentDirectory">The feature experiment's output folder (out-of-fold probabilities, chosen options).</param>
    /// <param name="modelsDirectory">The repository's <c>models</c> folder.</param>
    /// <param name="repositoryRoot">The repository root, for the card document.</param>
    /// <param name="threads">Threads for the trees.</param>
    public static ModelCard WriteEnsemble(
        string crossValidationDirectory, IReadOnlyList<LabelledRecord> records, double[][] features, string featureExperimentDirectory, string modelsDirectory, string repositoryRoot, int threads)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(features);
        var unreadable = Unreadable(records);
        var outOfFold = OutOfFold(featureExperimentDirectory);
        var folds = FoldPredictions.ReadAll(crossValidationDirectory);
        var heldOut = folds[ShippedFold - 1].Test.Select(p => p.Record).ToHashSet(StringComparer.Ordinal);
        var trees = new ShippedTrees(
            records, features, heldOut, RhythmFeatureExperiment.ChosenOptions(featureExperimentDirectory), outOfFold, outOfFold.Temperatures[ShippedFold - 1], threads);
        return Package(
            crossValidationDirectory, folds, records, unreadable, RhythmEnsemble.Name, "Rhythm from one lead (1-D ResNet and rhythm-feature trees)", modelsDirectory, repositoryRoot,
            featureExperimentDirectory, trees);
    }

    /// <summary>The document of a model's card, relative to the repository root.</summary>
    public static string Document(string name) => $"docs/models/{name}.md";

    private static CompanionProbabilities OutOfFold(string featureExperimentDirectory, bool calibrate = true) =>
        CompanionProbabilities.Read(Path.Combine(featureExperimentDirectory, RhythmFeatureExperiment.OutOfFoldFile), RhythmEnsemble.TreesShare, calibrate);

    private static ModelCard Package(
        string crossValidationDirectory, IReadOnlyList<FoldPredictions> folds, IReadOnlyList<LabelledRecord> records, IReadOnlySet<string> unreadable, string name, string title,
        string modelsDirectory, string repositoryRoot, string? featureExperimentDirectory, ShippedTrees? trees)
    {
        var evaluation = RhythmEvaluation.Of(folds, unreadable, trees?.OutOfFold);
        // The side-by-side table needs the network alone and the ensemble: one of them is this model's evaluation.
        var features = trees?.OutOfFold ?? (featureExperimentDirectory is null ? null : OutOfFold(featureExperimentDirectory));
        var comparison = features is null ? null : new FeatureModelComparison(
            folds,
            features,
            network: trees is null ? evaluation : RhythmEvaluation.Of(folds, unreadable),
            ensemble: trees is null ? RhythmEvaluation.Of(folds, unreadable, features) : evaluation,
            uncalibratedEnsemble: RhythmEvaluation.Of(folds, unreadable, OutOfFold(featureExperimentDirectory!, calibrate: false)));
        // The ensemble reads rhythm-cnn's own network file rather than shipping a second copy of it.
        var networkWeights = Path.Combine(crossValidationDirectory, $"fold{ShippedFold}", "best.weights");
        var weights = trees is null
            ? ShippedModel.Export(networkWeights, RhythmCnn.Shape, modelsDirectory, name)
            : ShippedModel.Shared(ShippedModel.ResNet1dOnnx(networkWeights, RhythmCnn.Shape), modelsDirectory, RhythmCnn.Name);
        var temperature = evaluation.Temperatures[ShippedFold - 1];
        var slice = folds[ShippedFold - 1].Test.Take(SliceRecords).ToArray();
        var sliceProbabilities = slice.Select(p => Probabilities.Softmax(p.Logits, temperature)).ToArray();
        if (trees is not null)
        {
            var votes = trees.Predict([.. slice.Select(p => p.Record)]);
            sliceProbabilities = [.. sliceProbabilities.Select((own, i) => Probabilities.Mix(own, votes[i], trees.OutOfFold.Share))];
        }

        var sliceScore = ChallengeScore.Cinc2017([.. slice.Select(p => p.Label)], [.. sliceProbabilities.Select(p => Probabilities.ArgMax(p))]);
        var card = new ModelCard
        {
            Name = name,
            Title = title,
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
            Companion = trees?.Export(modelsDirectory, name, evaluation.MixtureTemperatures[ShippedFold - 1]),
            Weights = weights,
            Calibration = new ModelCalibration
            {
                Temperature = temperature,
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
            Document = Document(name),
        };
        ShippedModel.WriteCard(card, modelsDirectory);
        var checkpoints = Enumerable.Range(1, folds.Count).Select(k => FoldCheckpoint.Read(Path.Combine(crossValidationDirectory, $"fold{k}"))).ToArray();
        var document = Path.Combine(repositoryRoot, card.Document);
        File.WriteAllText(document, RhythmCnnCardDocument.Write(
            card, evaluation, Recipe(crossValidationDirectory), records.Count, checkpoints.Sum(c => c.TrainingSeconds), comparison, trees?.Options,
            Charts(new CardFigures(document), card.Name, evaluation, checkpoints)));
        return card;
    }

    /// <summary>The card's charts: one-vs-rest ROC and precision-recall curves, calibration, and each fold's training.</summary>
    private static string[] Charts(CardFigures figures, string name, RhythmEvaluation evaluation, IReadOnlyList<FoldCheckpoint> checkpoints)
    {
        var (abnormalScores, abnormal) = RhythmEvaluation.AbnormalScores(evaluation.TestProbabilities, evaluation.TestLabels);
        ScoredOutcome[] outcomes =
        [
            .. ScoredOutcome.OneVsRest(Cinc2017.ClassNames, evaluation.TestProbabilities, evaluation.TestLabels),
            new ScoredOutcome("abnormal (AF or Other, Noisy left out)", abnormalScores, abnormal),
        ];
        return
        [
            figures.Roc($"{name}: ROC, one class against the rest (all folds' test records)", outcomes),
            figures.PrecisionRecall($"{name}: precision and recall (all folds' test records)", outcomes),
            figures.Reliability($"{name}: calibration of the top label", evaluation.ReliabilityBefore, evaluation.ReliabilityAfter),
            figures.Training($"{name}: loss per epoch", CardFigures.Folds(checkpoints)),
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
        return refused.ToHashSet(StringComparer.Ordinal);
    }
}
