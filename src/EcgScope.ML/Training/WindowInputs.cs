using EcgScope.Inference.Preprocessing;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Training;

/// <summary>
/// Signal records as training input: a random window of each record for training, and for evaluation the mean of the
/// logits over all its windows, exactly as the classifier takes it when serving.
/// </summary>
internal sealed class WindowInputs(ConditionedSet set, InputSpec spec) : ITrainingInputs
{
    /// <inheritdoc />
    public IReadOnlyList<LabelledRecord> Records => set.Records;

    /// <inheritdoc />
    public Tensor RandomBatch(IReadOnlyList<int> members, Random random) => WindowBatches.Random(set, members, spec, random);

    /// <inheritdoc />
    public float[][] Logits(Module<Tensor, Tensor> network, IReadOnlyList<int> indices, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(indices);
        network.eval();
        var (samples, owners, leads) = WindowBatches.All(set, indices, spec);
        var window = spec.WindowSamples;
        var logits = new List<float>();
        using (no_grad())
        {
            for (var start = 0; start < owners.Length; start += batchSize)
            {
                var count = Math.Min(batchSize, owners.Length - start);
                using var scope = NewDisposeScope();
                var input = tensor(samples.AsSpan(start * leads * window, count * leads * window).ToArray(), [count, leads, window]);
                logits.AddRange(network.forward(input).data<float>().ToArray());
            }
        }

        // Each record's windows are consecutive; their mean is taken exactly as the classifier takes it when serving.
        var classes = logits.Count / owners.Length;
        var all = logits.ToArray();
        var counts = new int[indices.Count];
        foreach (var owner in owners)
        {
            counts[owner]++;
        }

        var result = new float[indices.Count][];
        var first = 0;
        for (var i = 0; i < indices.Count; i++)
        {
            var count = counts[i];
            result[i] = [.. WindowLogits.Mean(all.AsSpan(first * classes, count * classes), classes, count).Select(z => (float)z)];
            first += count;
        }

        return result;
    }
}
