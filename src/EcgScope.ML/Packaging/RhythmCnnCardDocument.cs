using System.Globalization;
using System.Text;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Training;
using EcgScope.ML.Trees;

namespace EcgScope.ML.Packaging;

/// <summary>The card for people of the rhythm CNN or its ensemble (<c>docs/models/NAME.md</c>), written from the same figures as its JSON card.</summary>
internal static class RhythmCnnCardDocument
{
    public static string Write(
        ModelCard card, RhythmEvaluation evaluation, TrainingRecipe training, int recordCount, double trainingSeconds, FeatureModelComparison? comparison,
        TreeOptions? trees, IReadOnlyList<string> charts)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        void Line(FormattableString line) => text.AppendLine(line.ToString(culture));
        var input = card.Input;
        Line($"# Model card: {card.Name}");
        Line($"");
        Line($"{card.Title}. Written by `dotnet run -c Release --project src/EcgScope.Training -- package {card.Name} --cv DIR --data DATA --features FEATURES` from the");
        Line($"cross-validation that `dotnet run -c Release --project src/EcgScope.Training -- {RhythmCnn.Name} --data DATA --out DIR` runs and the feature experiment");
        Line($"`scripts/experiments/rhythm-features.sh FEATURES`; do not edit by hand.");
        Line($"Every figure below is **out-of-sample**: each comes from records the models that scored them never trained on.");
        Line($"");
        Line($"## Intended use and limits");
        Line($"");
        Line($"{card.IntendedUse} It reads one lead; it says what a recording resembles and how sure it is, or \"inconclusive\".");
        Line($"It is not a medical device and its verdicts are not diagnoses. It learnt from AliveCor recordings of adults (CinC 2017); other");
        Line($"devices, leads other than lead I, children and paced rhythms are outside what it was measured on. \"Other\" mixes many rhythms.");
        Line($"");
        Line($"## Data and licence");
        Line($"");
        Line($"PhysioNet/Computing in Cardiology Challenge 2017 training set: {recordCount:N0} single-lead AliveCor recordings (300 Hz, 9-61 s),");
        Line($"labels from `REFERENCE-v3.csv` (Normal, AF, Other, Noisy). Open Data Commons Attribution 1.0. Clifford GD et al., \"AF classification");
        Line($"from a short single lead ECG recording: the PhysioNet/Computing in Cardiology Challenge 2017\", CinC 44, 2017.");
        Line($"");
        Line($"## Input and network");
        Line($"");
        Line($"- Lead {string.Join(", ", input.Leads)} (a single-lead recording is read whatever its lead), resampled to {input.SampleRateHz:0} Hz, zero-phase band-pass {input.HighPassHz:0.#}-{input.LowPassHz:0} Hz, {input.Normalization} per window.");
        Line($"- Windows of {input.WindowSeconds:0} s; a longer recording is cut into windows and their logits averaged, a shorter one is zero-padded.");
        Line($"- 1-D ResNet: stem convolution (kernel {RhythmCnn.Shape.StemKernel}, stride 2), max-pool, stages of widths {string.Join("/", RhythmCnn.Shape.StageWidths)} (kernel {RhythmCnn.Shape.Kernel}, each halving time), global average pooling, dropout {RhythmCnn.Shape.Dropout}, linear head. Global pooling into one linear layer makes its class activation map equal to Grad-CAM; it is the explanation.");
        if (card.Companion is { } companion && trees is not null)
        {
            Line($"- Beside the network, gradient-boosted trees (LightGBM, {trees}) on the {companion.Features.Names.Length} rhythm features of the same lead at the rate it was recorded (`RhythmFeatures`: RR irregularity and AF evidence, beat and P-wave shape, spectrum, signal quality; see [rhythm-features-cv.md](rhythm-features-cv.md)). A feature that cannot be measured is {companion.Features.MissingValue:0}.");
            Line($"- The verdict's probabilities are the mean of the network's calibrated probabilities (weight {1 - companion.Share:0.##}) and the trees' calibrated probabilities (weight {companion.Share:0.##}), weights fixed beforehand, not tuned. The trees' raw scores are divided by their temperature, {companion.Temperature:0.00}, fitted (negative log-likelihood) on the cross-validation's out-of-fold tree predictions outside the shipped fold: boosted trees are overconfident on records they did not see, and uncalibrated they outvote the network.");
            Line($"- Explanations: the network's class activation map and occlusion over the trace, and the trees' Shapley values (KernelSHAP against the median training record, times the trees' weight) naming the measures that moved the verdict most.");
        }

        Line($"");
        Line($"## Training");
        Line($"");
        Line($"- Stratified 5-fold cross-validation (seed {training.Seed}). In each fold, a stratified tenth of the training part is kept for validation: it picks the epoch and fits the temperature; the fold's test records are used once, at the end.");
        Line($"- AdamW (peak learning rate {training.LearningRate}, weight decay {training.WeightDecay}), {training.WarmupSteps} warm-up steps then cosine decay, {training.Epochs} epochs, batches of {training.BatchSize} random {input.WindowSeconds:0} s windows, cross-entropy weighted by the inverse square root of class frequency.");
        Line($"- Time: {trainingSeconds / 60:0} minutes of training epochs (validation included) for all folds on this project's 2-core machine (CPU, TorchSharp), shared with other work; a stopped run resumes from its last epoch.");
        Line($"");
        Line($"## Figures ({evaluation.FoldChallengeF1.Count} of 5 folds of cross-validation, {evaluation.Records:N0} records, out-of-sample)");
        Line($"");
        Line($"| metric | value |");
        Line($"|---|---|");
        Line($"| CinC 2017 score (mean F1 of Normal, AF, Other), pooled | **{evaluation.ChallengeF1.Estimate:0.000}** (95 % bootstrap interval {evaluation.ChallengeF1.Lower:0.000}-{evaluation.ChallengeF1.Upper:0.000}) |");
        Line($"| per fold (mean ± SD) | {string.Join(", ", evaluation.FoldChallengeF1.Select(f => f.ToString("0.000", culture)))} ({FoldSpread.Of(evaluation.FoldChallengeF1).Mean:0.000} ± {FoldSpread.Of(evaluation.FoldChallengeF1).StandardDeviation:0.000}) |");
        Line($"| F1 Normal / AF / Other / Noisy | {string.Join(" / ", evaluation.ClassF1.Select(f => f.ToString("0.000", culture)))} |");
        Line($"| normal vs abnormal (AF or Other; Noisy left out): AUROC | {evaluation.AbnormalAuroc.Estimate:0.000} ({evaluation.AbnormalAuroc.Lower:0.000}-{evaluation.AbnormalAuroc.Upper:0.000}) |");
        Line($"| normal vs abnormal: AUPRC, F1 | {evaluation.AbnormalAuprc:0.000}, {evaluation.AbnormalF1:0.000} |");
        Line($"| inconclusive (the quality gate refuses the lead, the verdict is Noisy, or the top probability is below {evaluation.Threshold:0.00}) | {evaluation.InconclusiveShare:P1} of records |");
        Line($"| CinC 2017 score on the records with a verdict | {evaluation.ConclusiveChallengeF1:0.000} |");
        Line($"");
        Line($"For scale: the challenge's winners scored 0.83 on its hidden test set (not comparable with cross-validation on the public set); this project's goal is {RhythmEnsemble.Goal:0.00} in cross-validation.");
        Line($"");
        foreach (var chart in charts)
        {
            Line($"{chart}");
            Line($"");
        }

        Line($"Confusion matrix (rows: reference label, columns: verdict; all folds' test records):");
        Line($"");
        Line($"```");
        text.Append(evaluation.Confusion.ToText(Cinc2017.ClassNames));
        Line($"```");
        Line($"");
        if (comparison is not null)
        {
            Line($"## The network, the feature model, and both together");
            Line($"");
            Line($"The same folds, the same test records; the ensemble ([{RhythmEnsemble.Name}]({RhythmEnsemble.Name}.md)) is the plain mean of the network's calibrated probabilities and the feature model's calibrated probabilities, weights fixed beforehand, not tuned. The feature model's temperature for a fold is fitted on the other folds' out-of-fold predictions ({string.Join(", ", comparison.FeatureTemperatures.Select(t => t.ToString("0.00", culture)))}), so no fold's labels calibrate its own records.");
            Line($"The feature model's hyper-parameters were chosen on fold 1 (\"fold 0\" in its document, which counts from 0), so its fold-1 figure, and the ensemble's, is slightly optimistic.");
            Line($"");
            Line($"| model | CinC 2017 score, pooled | per fold |");
            Line($"|---|---|---|");
            Line($"| the network ([{RhythmCnn.Name}]({RhythmCnn.Name}.md)) | {comparison.Network:0.000} | {string.Join(", ", comparison.NetworkFolds.Select(f => f.ToString("0.000", culture)))} |");
            Line($"| 64 rhythm features + LightGBM ([rhythm-features-cv.md](rhythm-features-cv.md)) | {comparison.FeatureModel:0.000} | |");
            Line($"| mean of the two ([{RhythmEnsemble.Name}]({RhythmEnsemble.Name}.md)) | **{comparison.Ensemble:0.000}** | {string.Join(", ", comparison.EnsembleFolds.Select(f => f.ToString("0.000", culture)))} |");
            Line($"| mean of the two, the feature model's probabilities uncalibrated | {comparison.UncalibratedEnsemble:0.000} | {string.Join(", ", comparison.UncalibratedEnsembleFolds.Select(f => f.ToString("0.000", culture)))} |");
            Line($"");
            Line($"Both the network and the ensemble are served; the ensemble's pooled score {(comparison.Ensemble >= RhythmEnsemble.Goal ? "reaches" : "does not reach")} this project's goal of {RhythmEnsemble.Goal:0.00}.");
            Line($"");
        }

        Line($"## Calibration");
        Line($"");
        var mixture = card.Companion is null
            ? ""
            : $"; then the mean of the network's and the trees' calibrated probabilities, which is less confident than it should be where they agree, is tempered again (`Probabilities.Temper`, the softmax of its logarithms over a temperature fitted on the same validation records: {string.Join(", ", evaluation.MixtureTemperatures.Select(t => t.ToString("0.00", culture)))}; it never changes the top class)";
        Line($"Temperature scaling, fitted per fold on its validation records (temperatures {string.Join(", ", evaluation.Temperatures.Select(t => t.ToString("0.00", culture)))}){mixture}. Expected calibration error of the top label ({Calibration.DefaultBins} equal-width bins) on all folds' test records, each fold with its own temperature: {evaluation.EceBefore:0.000} before, {evaluation.EceAfter:0.000} after.");
        Line($"");
        Line($"| confidence bin | records | mean confidence | accuracy |");
        Line($"|---|---|---|---|");
        foreach (var bin in evaluation.ReliabilityAfter.Where(b => b.Count > 0))
        {
            Line($"| {bin.LowerEdge:0.00}-{bin.UpperEdge:0.00} | {bin.Count} | {bin.MeanConfidence:0.000} | {bin.Accuracy:0.000} |");
        }

        Line($"");
        Line($"## The shipped weights");
        Line($"");
        Line($"The network of fold {RhythmCnnPackage.ShippedFold} (trained on the other four folds){(card.Companion is null ? "" : " and trees trained on the same records")}, temperature {card.Calibration.Temperature:0.000}, verdicts withheld below {card.Decision.MinimumProbability:0.00}.");
        Line($"Its own test fold: CinC 2017 score {card.Metrics["shippedFoldChallengeF1"]:0.000}; on the first {RhythmCnnPackage.SliceRecords} records of that fold {card.Metrics["sliceChallengeF1"]:0.000}, which the CI test reproduces through ONNX Runtime.");
        Line($"`models/{card.Weights.Model ?? card.Name}/{card.Weights.File}`, SHA-256 `{card.Weights.Sha256}`{(card.Weights.Model is { } owner ? $" ({owner}'s network file, which this model reads rather than shipping a copy)" : "")}.");
        if (card.Companion is { } shipped)
        {
            Line($"`models/{card.Name}/{shipped.Weights.File}`, SHA-256 `{shipped.Weights.Sha256}`.");
        }

        return text.ToString();
    }
}
