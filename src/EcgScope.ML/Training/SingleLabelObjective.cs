using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Training;

/// <summary>
/// One class per record: cross-entropy weighted by the inverse square root of each class's share of the training
/// records (rare classes count more, without the noise of full inversion), scored by a given metric on the
/// argmax of each record's logits.
/// </summary>
public sealed class SingleLabelObjective : ITrainingObjective, IDisposable
{
    private readonly int[] labels;
    private readonly Func<int[], int[], double> score;
    private readonly Tensor weights;

    /// <summary>An objective over <paramref name="records"/> with <paramref name="classes"/> classes, weighted by the classes of <paramref name="training"/>.</summary>
    public SingleLabelObjective(IReadOnlyList<LabelledRecord> records, int classes, IReadOnlyList<int> training, Func<int[], int[], double> score)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(training);
        labels = [.. records.Select(record => record.Label)];
        this.score = score;
        var counts = new double[classes];
        foreach (var i in training)
        {
            counts[labels[i]]++;
        }

        var total = counts.Sum();
        weights = tensor(counts.Select(count => count > 0 ? (float)Math.Sqrt(total / (classes * count)) : 0f).ToArray());
    }

    /// <inheritdoc />
    public Tensor Loss(Tensor logits, IReadOnlyList<int> members) =>
        functional.cross_entropy(logits, tensor(members.Select(i => (long)labels[i]).ToArray()), weight: weights);

    /// <inheritdoc />
    public double ValidationLoss(float[][] logits, IReadOnlyList<int> members)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return TemperatureScaling.SoftmaxNll([.. logits.Select(row => row.Select(z => (double)z).ToArray())], [.. members.Select(i => labels[i])], 1);
    }

    /// <inheritdoc />
    public double Score(float[][] logits, IReadOnlyList<int> members)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return score([.. members.Select(i => labels[i])], [.. logits.Select(row => Array.IndexOf(row, row.Max()))]);
    }

    /// <inheritdoc />
    public void Dispose() => weights.Dispose();
}
