namespace EcgScope.Inference.Verdicts;

/// <summary>Turns logits into calibrated probabilities: temperature-scaled softmax (single-label) or sigmoid (multi-label).</summary>
public static class Probabilities
{
    /// <summary>softmax(logits / temperature), computed stably (the largest logit is subtracted first).</summary>
    public static double[] Softmax(ReadOnlySpan<float> logits, double temperature = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var result = new double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = Math.Exp((logits[i] - max) / temperature);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    /// <summary>sigmoid(logit / temperature) for each output.</summary>
    public static double[] Sigmoid(ReadOnlySpan<float> logits, double temperature = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        var result = new double[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = 1 / (1 + Math.Exp(-logits[i] / temperature));
        }

        return result;
    }
}
