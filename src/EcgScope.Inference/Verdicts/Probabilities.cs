namespace EcgScope.Inference.Verdicts;

/// <summary>
/// Turns logits into calibrated probabilities (temperature-scaled softmax for single-label models, sigmoid for
/// multi-label ones) and picks the top class. Training, evaluation and serving all use these.
/// </summary>
public static class Probabilities
{
    /// <summary>Softmax of <paramref name="logits"/> / <paramref name="temperature"/> into <paramref name="output"/> (same length), computed stably.</summary>
    public static void Softmax(ReadOnlySpan<double> logits, Span<double> output, double temperature = 1)
    {
        if (output.Length != logits.Length)
        {
            throw new ArgumentException($"{logits.Length} logits but room for {output.Length} probabilities.", nameof(output));
        }

        var max = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            output[i] = Math.Exp((logits[i] - max) / temperature);
            sum += output[i];
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] /= sum;
        }
    }

    /// <summary>Softmax of <paramref name="logits"/> / <paramref name="temperature"/> as a new array.</summary>
    public static double[] Softmax(ReadOnlySpan<double> logits, double temperature = 1)
    {
        var output = new double[logits.Length];
        Softmax(logits, output, temperature);
        return output;
    }

    /// <summary>
    /// The weighted mean of two models' probabilities of the same classes: (1 − <paramref name="share"/>) ·
    /// <paramref name="own"/> + <paramref name="share"/> · <paramref name="other"/>.
    /// </summary>
    public static double[] Mix(IReadOnlyList<double> own, IReadOnlyList<double> other, double share)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(other);
        return [.. own.Zip(other, (a, b) => ((1 - share) * a) + (share * b))];
    }

    /// <summary>
    /// Temperature scaling of probabilities rather than logits: the softmax of their logarithms (the logits up to a
    /// constant) divided by <paramref name="temperature"/>. It keeps their order; above 1 it softens them, below 1 it
    /// sharpens them. A probability of 0 counts as the smallest positive double.
    /// </summary>
    public static double[] Temper(IReadOnlyList<double> probabilities, double temperature)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return Softmax(Logarithms(probabilities), temperature);
    }

    /// <summary>The logarithm of each probability (0 counts as the smallest positive double): logits up to a constant.</summary>
    public static double[] Logarithms(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return [.. probabilities.Select(p => Math.Log(Math.Max(p, double.Epsilon)))];
    }

    /// <summary>The logistic function of each logit / <paramref name="temperature"/>.</summary>
    public static double[] Sigmoid(ReadOnlySpan<double> logits, double temperature = 1)
    {
        var output = new double[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            output[i] = Sigmoid(logits[i], temperature);
        }

        return output;
    }

    /// <summary>The logistic function of <paramref name="logit"/> / <paramref name="temperature"/>.</summary>
    public static double Sigmoid(double logit, double temperature = 1) => 1 / (1 + Math.Exp(-logit / temperature));

    /// <summary>Index of the largest value (the first on ties); 0 for an empty span.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }
}
