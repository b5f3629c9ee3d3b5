using EcgScope.Inference.Preprocessing;
using static TorchSharp.torch;

namespace EcgScope.ML.Training;

/// <summary>
/// Turns conditioned records into network input: random windows for training (a record longer than the window gives
/// a different stretch each epoch) and every window of a record, as the registry serves it, for evaluation.
/// </summary>
internal static class WindowBatches
{
    /// <summary>A batch of one random window per record in <paramref name="indices"/>: [batch, leads, samples].</summary>
    public static Tensor Random(ConditionedSet set, IReadOnlyList<int> indices, InputSpec spec, Random random)
    {
        var window = spec.WindowSamples;
        var leads = set.Conditioned[0].Leads.Length;
        var data = new float[indices.Count * leads * window];
        for (var b = 0; b < indices.Count; b++)
        {
            var record = set.Conditioned[indices[b]];
            var start = random.Next(Math.Max(1, record.SampleCount - window + 1));
            InputPreparer.Cut(record, spec, [start]).Samples.CopyTo(data, b * leads * window);
        }

        return tensor(data, [indices.Count, leads, window]);
    }

    /// <summary>Every window of each record in <paramref name="indices"/>, and for each window the position of its record in <paramref name="indices"/>.</summary>
    public static (float[] Samples, int[] Owners, int Leads) All(ConditionedSet set, IReadOnlyList<int> indices, InputSpec spec)
    {
        var samples = new List<float>();
        var owners = new List<int>();
        for (var i = 0; i < indices.Count; i++)
        {
            var prepared = InputPreparer.PrepareConditioned(set.Conditioned[indices[i]], spec);
            samples.AddRange(prepared.Samples);
            owners.AddRange(Enumerable.Repeat(i, prepared.WindowCount));
        }

        return ([.. samples], [.. owners], set.Conditioned[0].Leads.Length);
    }
}
