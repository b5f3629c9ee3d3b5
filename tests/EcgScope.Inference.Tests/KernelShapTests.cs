using EcgScope.Inference.Explanations;

namespace EcgScope.Inference.Tests;

public sealed class KernelShapTests
{
    [Fact]
    public void A_linear_model_gets_weight_times_distance_from_the_baseline_exactly()
    {
        double[] weights = [2, -1, 0.5, 0, 3];
        double Model(double[] v) => 1 + v.Zip(weights, (x, w) => x * w).Sum();

        var values = KernelShap.Values(Model, [1, 2, 3, 4, 5], [0, 1, 1, 4, 2]);

        Assert.Equal([2, -1, 1, 0, 9], values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void An_interaction_is_shared_equally_and_the_values_add_up()
    {
        // f = x0 * x1 from a zero baseline to (1, 1): each of the two gets half; the third feature nothing.
        var values = KernelShap.Values(v => v[0] * v[1], [1, 1, 7], [0, 0, 7]);

        Assert.Equal([0.5, 0.5, 0], values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void With_many_features_drawn_coalitions_still_give_a_linear_model_its_exact_values()
    {
        // Too many features to enumerate (2^30): coalitions are drawn, and for a linear model any full set of them
        // gives the exact values, weight times distance from the baseline.
        var weights = Enumerable.Range(0, 30).Select(i => (i % 7) - 3.0).ToArray();
        double Model(double[] v) => v.Zip(weights, (x, w) => x * w).Sum();
        var x = Enumerable.Range(0, 30).Select(i => i / 10.0).ToArray();

        var values = KernelShap.Values(Model, x, new double[30], samples: 1024, seed: 3);

        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(weights[i] * x[i], values[i], 6));
    }
}
