using EcgScope.Inference.Explanations;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;

namespace EcgScope.Inference.Tests;

public sealed class VerdictTests
{
    [Fact]
    public void Temperature_flattens_softmax_without_changing_the_order()
    {
        var sharp = Probabilities.Softmax([2.0, 1.0, 0.0]);
        var flat = Probabilities.Softmax([2.0, 1.0, 0.0], temperature: 2);

        Assert.Equal(1, sharp.Sum(), 12);
        Assert.Equal(Math.Exp(2) / (Math.Exp(2) + Math.E + 1), sharp[0], 12);
        Assert.Equal(Math.E / (Math.E + Math.Exp(0.5) + 1), flat[0], 12);
        Assert.True(flat[0] < sharp[0] && flat[0] > flat[1] && flat[1] > flat[2]);
    }

    [Fact]
    public void Relevance_is_scaled_to_its_maximum_and_stretches_merge_adjacent_bins()
    {
        var relevance = new Relevance
        {
            Method = RelevanceMethod.ClassActivation,
            ClassName = "AF",
            BinSeconds = 0.5,
            Scores = Relevance.Normalize([0, -3, 2, 4, 3, 0, 1, 2.5]),
        };

        Assert.Equal([0, 0, 0.5, 1, 0.75, 0, 0.25, 0.625], relevance.Scores);
        Assert.Equal([new RelevantStretch(1, 2.5, 1), new RelevantStretch(3.5, 4, 0.625)], relevance.Stretches);
    }

    [Fact]
    public void The_summary_says_which_measures_spoke_for_the_pattern_and_which_against_it()
    {
        var card = new ModelCard
        {
            Name = "rhythm",
            Title = "Rhythm",
            IntendedUse = "Tests.",
            Task = ModelTask.SingleLabel,
            Classes = [new ModelClass("Normal", "a normal rhythm pattern"), new ModelClass("AF", "a pattern like atrial fibrillation")],
            Weights = new ModelWeights("rhythm.onnx", "00"),
        };
        MeasureContribution[] measures =
        [
            new("pWaveCorrelationMean", "the shape of the beats and P waves", 0.1, -0.09),
            new("rrCv", "the intervals between beats", 0.3, 0.05),
            new("cosen", "the intervals between beats", -1.2, 0.02),
        ];

        var mixed = VerdictWording.Summary(card, ["AF"], [0.2, 0.8], null, null, [.. measures]);
        var onlyFor = VerdictWording.Summary(card, ["AF"], [0.2, 0.8], null, null, [.. measures.Where(m => m.Contribution > 0)]);
        var none = VerdictWording.Summary(card, ["AF"], [0.2, 0.8], null, null, []);

        Assert.Contains(
            "Among the measures, the intervals between beats (rrCv, cosen) spoke most for it, the shape of the beats and P waves (pWaveCorrelationMean) most against it.",
            mixed,
            StringComparison.Ordinal);
        Assert.Contains("Among the measures, the intervals between beats (rrCv, cosen) spoke most for it.", onlyFor, StringComparison.Ordinal);
        Assert.DoesNotContain("measures", none, StringComparison.Ordinal);
    }
}
