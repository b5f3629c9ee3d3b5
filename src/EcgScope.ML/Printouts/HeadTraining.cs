using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Networks;
using EcgScope.ML.Training;
using static TorchSharp.torch;

namespace EcgScope.ML.Printouts;

/// <summary>
/// Fits and cross-validates a <see cref="LogisticHead"/> on fixed backbone features: full-batch Adam on the
/// class-weighted cross-entropy (<see cref="SingleLabelObjective"/>) plus an L2 penalty on the weights, whose strength
/// is chosen among <see cref="Penalties"/> by the macro F1 on an inner validation split, as a network's epoch is.
/// </summary>
public static class HeadTraining
{
    /// <summary>The L2 penalties tried (on the mean loss; larger wins ties).</summary>
    public static IReadOnlyList<double> Penalties { get; } = [1e-1, 3e-2, 1e-2, 3e-3];

    private const int Steps = 300;
    private const double LearningRate = 0.01;

    /// <summary>The share of each training part kept for validation is one part in this many (as <see cref="CrossValidation"/>).</summary>
    private const int ValidationParts = 10;

    /// <summary>
    /// Cross-validates the head over <paramref name="folds"/> (one per record), writing <c>fold{k}/validation.csv</c>
    /// and <c>fold{k}/test.csv</c> under <paramref name="directory"/> as the network trainer does. With
    /// <paramref name="groups"/> (each record's group and each group's label) the inner validation split keeps groups
    /// whole too; without, it splits records.
    /// </summary>
    public static void CrossValidate(
        IReadOnlyList<LabelledRecord> records,
        IReadOnlyList<float[]> features,
        int[] folds,
        int seed,
        string directory,
        Func<int[], int[], double> score,
        (int[] GroupOf, int[] GroupLabels)? groups = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(folds);
        var labels = records.Select(record => record.Label).ToArray();
        for (var fold = 1; fold <= folds.Max() + 1; fold++)
        {
            var test = Enumerable.Range(0, labels.Length).Where(i => folds[i] == fold - 1).ToArray();
            var rest = Enumerable.Range(0, labels.Length).Where(i => folds[i] != fold - 1).ToArray();
            var parts = groups is var (groupOf, groupLabels)
                ? GroupedFolds.Assign([.. rest.Select(i => groupOf[i])], groupLabels, ValidationParts, seed + fold)
                : StratifiedFolds.Assign([.. rest.Select(i => labels[i])], ValidationParts, seed + fold);
            var validation = rest.Where((_, j) => parts[j] == 0).ToArray();
            var training = rest.Where((_, j) => parts[j] != 0).ToArray();
            using var head = FitChoosingPenalty(records, features, training, validation, seed, score);
            var foldDirectory = Path.Combine(directory, $"fold{fold}");
            Directory.CreateDirectory(foldDirectory);
            FoldPredictions.WriteCsv(Path.Combine(foldDirectory, "validation.csv"), Predictions(head, records, features, validation));
            FoldPredictions.WriteCsv(Path.Combine(foldDirectory, "test.csv"), Predictions(head, records, features, test));
        }
    }

    /// <summary>The head with the penalty that scores best on <paramref name="validation"/>, trained on <paramref name="training"/>.</summary>
    public static LogisticHead FitChoosingPenalty(
        IReadOnlyList<LabelledRecord> records, IReadOnlyList<float[]> features, IReadOnlyList<int> training, IReadOnlyList<int> validation, int seed, Func<int[], int[], double> score)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(score);
        LogisticHead? best = null;
        var bestScore = double.NegativeInfinity;
        int[] truth = [.. validation.Select(i => records[i].Label)];
        foreach (var penalty in Penalties)
        {
            var head = Fit(records, features, training, penalty, seed);
            var predicted = Logits(head, features, validation).Select(row => Array.IndexOf(row, row.Max())).ToArray();
            var value = score(truth, predicted);
            if (value > bestScore)
            {
                best?.Dispose();
                (best, bestScore) = (head, value);
            }
            else
            {
                head.Dispose();
            }
        }

        return best!;
    }

    /// <summary>A head trained on the rows <paramref name="training"/> with L2 penalty <paramref name="penalty"/>.</summary>
    public static LogisticHead Fit(IReadOnlyList<LabelledRecord> records, IReadOnlyList<float[]> features, IReadOnlyList<int> training, double penalty, int seed)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(training);
        manual_seed(seed);
        var classes = records.Max(record => record.Label) + 1;
        var (mean, scale) = LogisticHead.Standardisation([.. training.Select(i => features[i])]);
        var head = new LogisticHead(mean, scale, classes);
        using var objective = new SingleLabelObjective(records, classes, training, (_, _) => 0);
        using var input = Rows(features, training);
        var optimizer = optim.Adam(head.Linear.parameters(), lr: LearningRate);
        head.train();
        for (var step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            var loss = objective.Loss(head.forward(input), training) + (penalty * head.Linear.weight!.pow(2).sum());
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        head.eval();
        return head;
    }

    /// <summary>The logits of the rows <paramref name="indices"/>.</summary>
    public static float[][] Logits(LogisticHead head, IReadOnlyList<float[]> features, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(indices);
        using var noGrad = no_grad();
        using var input = Rows(features, indices);
        using var logits = head.forward(input);
        var values = logits.data<float>().ToArray();
        var classes = values.Length / indices.Count;
        return [.. Enumerable.Range(0, indices.Count).Select(i => values.AsSpan(i * classes, classes).ToArray())];
    }

    private static IReadOnlyList<RecordPrediction> Predictions(LogisticHead head, IReadOnlyList<LabelledRecord> records, IReadOnlyList<float[]> features, int[] indices)
    {
        var logits = Logits(head, features, indices);
        return [.. indices.Select((index, i) => new RecordPrediction(records[index].Name, records[index].Label, [.. logits[i].Select(z => (double)z)]))];
    }

    private static Tensor Rows(IReadOnlyList<float[]> features, IReadOnlyList<int> indices) =>
        tensor(indices.SelectMany(i => features[i]).ToArray(), [indices.Count, features[0].Length]);
}
