using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Evaluation;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Training;

/// <summary>
/// Stratified k-fold cross-validation of a network: each fold's network trains on the other folds less a stratified
/// tenth kept for validation (epoch choice, and later calibration), then predicts its own fold, never seen before.
/// Each fold writes <c>fold{k}/test.csv</c> and <c>fold{k}/validation.csv</c> (record, label, one logit per class);
/// a fold whose test file exists is skipped, and an unfinished one resumes from its checkpoint.
/// </summary>
public sealed class CrossValidation(TrainingOptions options, Func<Module<Tensor, Tensor>> createNetwork)
{
    private readonly InputSpec? spec;

    /// <summary>The cross-validation of a signal network reading <paramref name="spec"/> (for the <see cref="ConditionedSet"/> overload).</summary>
    public CrossValidation(InputSpec spec, TrainingOptions options, Func<Module<Tensor, Tensor>> createNetwork)
        : this(options, createNetwork) => this.spec = spec;

    /// <summary>The share of each training part kept for validation is one part in this many.</summary>
    private const int ValidationParts = 10;

    /// <summary>
    /// Runs the folds in <paramref name="foldsToRun"/> (1-based; all when empty) of <paramref name="folds"/>, choosing
    /// each fold's epoch by <paramref name="score"/> (labels, predictions → higher is better).
    /// </summary>
    public void Run(
        ConditionedSet set,
        int[] folds,
        IReadOnlyCollection<int> foldsToRun,
        Func<int[], int[], double> score,
        string directory,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var trainer = spec is null
            ? throw new InvalidOperationException("This cross-validation was made without an input spec; give it training inputs instead of a conditioned set.")
            : new NetworkTrainer(spec, options, createNetwork);
        Run(trainer.Windows(set), folds, foldsToRun, score, directory, progress, cancellationToken);
    }

    /// <summary>
    /// Runs the folds in <paramref name="foldsToRun"/> (1-based; all when empty) of <paramref name="folds"/> on
    /// <paramref name="inputs"/>, choosing each fold's epoch by <paramref name="score"/>.
    /// </summary>
    public void Run(
        ITrainingInputs inputs,
        int[] folds,
        IReadOnlyCollection<int> foldsToRun,
        Func<int[], int[], double> score,
        string directory,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(foldsToRun);
        var labels = inputs.Records.Select(record => record.Label).ToArray();
        var classes = labels.Max() + 1;
        var trainer = new NetworkTrainer(options, createNetwork);
        for (var fold = 1; fold <= folds.Max() + 1; fold++)
        {
            var foldDirectory = Path.Combine(directory, $"fold{fold}");
            if ((foldsToRun.Count > 0 && !foldsToRun.Contains(fold)) || File.Exists(Path.Combine(foldDirectory, "test.csv")))
            {
                continue;
            }

            var test = Enumerable.Range(0, labels.Length).Where(i => folds[i] == fold - 1).ToArray();
            var rest = Enumerable.Range(0, labels.Length).Where(i => folds[i] != fold - 1).ToArray();
            var parts = StratifiedFoldsOf(rest, labels, fold);
            var validation = rest.Where((_, j) => parts[j] == 0).ToArray();
            var training = rest.Where((_, j) => parts[j] != 0).ToArray();
            using var objective = new SingleLabelObjective(inputs.Records, classes, training, score);
            using var network = trainer.Train(inputs, training, validation, objective, foldDirectory, fold, progress, cancellationToken);
            FoldPredictions.WriteCsv(Path.Combine(foldDirectory, "validation.csv"), trainer.Predictions(network, inputs, validation));
            FoldPredictions.WriteCsv(Path.Combine(foldDirectory, "test.csv"), trainer.Predictions(network, inputs, test));
        }
    }

    private int[] StratifiedFoldsOf(int[] members, int[] labels, int fold) =>
        StratifiedFolds.Assign([.. members.Select(i => labels[i])], ValidationParts, options.Seed + fold);
}
