using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Inference.Explanations;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Tests;

public sealed class OcclusionTests
{
    [Fact]
    public void Occlusion_finds_the_seconds_a_model_looks_at_in_each_window()
    {
        // 25 s of ones at 100 Hz in 10 s windows starting at 0, 10 and 15 s; the "model" scores class 1 by the sum of
        // samples 200-299 of each window: seconds 2, 12 and 17 of the record. Nothing else may count.
        var record = new EcgRecord(ImmutableArray.Create(EcgLead.FromOwnedArray("I", [.. Enumerable.Repeat(1.0, 2500)])), new SamplingRate(100));
        var spec = new InputSpec { SampleRateHz = 100, WindowSeconds = 10, Leads = ["I"], Normalization = InputNormalization.None, HighPassHz = 0.01, LowPassHz = 45 };
        var prepared = InputPreparer.Cut(record, spec, [0, 1000, 1500]);
        float[] Run(float[] windows, int count)
        {
            var logits = new float[count * 2];
            for (var w = 0; w < count; w++)
            {
                logits[(w * 2) + 1] = windows.AsSpan((w * 1000) + 200, 100).ToArray().Sum();
            }

            return logits;
        }

        // A linear "probability", so every blanked window counts the same however large the logits.
        var relevance = Occlusion.Relevance(prepared, Run(prepared.Samples, prepared.WindowCount), 100, "watched", Run, logits => logits[1] / 1000);

        Assert.Equal(25, relevance.Scores.Length);
        Assert.Equal([2, 12, 17], Enumerable.Range(0, 25).Where(i => relevance.Scores[i] > 0));
        Assert.All(new[] { 2, 12, 17 }, i => Assert.Equal(1, relevance.Scores[i], 9));
        Assert.Equal([2.0, 12, 17], relevance.Stretches.Select(s => s.StartSeconds).Order());
    }
}
