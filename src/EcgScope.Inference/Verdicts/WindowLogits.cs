namespace EcgScope.Inference.Verdicts;

/// <summary>A record's logits from its windows' logits: the plain mean, as the models were validated.</summary>
public static class WindowLogits
{
    /// <summary>The mean over <paramref name="rows"/> windows of <paramref name="classes"/> logits each, laid out one window after another.</summary>
    public static double[] Mean(ReadOnlySpan<float> logits, int classes, int rows)
    {
        var mean = new double[classes];
        for (var row = 0; row < rows; row++)
        {
            for (var c = 0; c < classes; c++)
            {
                mean[c] += (double)logits[(row * classes) + c] / rows;
            }
        }

        return mean;
    }
}
