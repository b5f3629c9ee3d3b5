using EcgScope.Inference.Explanations;
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
}
