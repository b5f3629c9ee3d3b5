using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Training;

/// <summary>Any number of classes per record: binary cross-entropy on each output, scored by the macro AUROC.</summary>
public sealed class MultiLabelObjective(IReadOnlyList<LabelledRecord> records) : ITrainingObjective
{
    private readonly bool[][] targets = [.. records.Select(record => record.Targets.ToArray())];

    /// <inheritdoc />
    public Tensor Loss(Tensor logits, IReadOnlyList<int> members)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var classes = (int)logits.shape[1];
        var values = members.SelectMany(i => targets[i].Select(t => t ? 1f : 0f)).ToArray();
        return functional.binary_cross_entropy_with_logits(logits, tensor(values, [members.Count, classes]));
    }

    /// <inheritdoc />
    public double ValidationLoss(float[][] logits, IReadOnlyList<int> members)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return TemperatureScaling.SigmoidNll([.. logits.SelectMany(row => row.Select(z => (double)z))], [.. members.SelectMany(i => targets[i])], 1);
    }

    /// <inheritdoc />
    public double Score(float[][] logits, IReadOnlyList<int> members) =>
        MacroAuroc([.. logits.Select(row => row.Select(z => (double)z).ToArray())], [.. members.Select(i => targets[i])]);

    /// <summary>The mean over classes of each class's AUROC (classes without both outcomes left out).</summary>
    public static double MacroAuroc(IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> targets)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        var aurocs = Enumerable.Range(0, scores[0].Length)
            .Select(c => RankingMetrics.Auroc([.. scores.Select(s => s[c])], [.. targets.Select(t => t[c])]))
            .Where(double.IsFinite)
            .ToArray();
        return aurocs.Length == 0 ? double.NaN : aurocs.Average();
    }
}
