namespace EcgScope.ML.Evaluation;

/// <summary>
/// Temperature scaling (C. Guo et al., ICML 2017): one positive T, fitted on validation data, divides the logits
/// before the softmax (or sigmoid) so that the probabilities' negative log-likelihood is least; the top class never
/// changes. The NLL is convex in 1/T, so it has one minimum along log T, found by golden-section search over
/// [<see cref="MinTemperature"/>, <see cref="MaxTemperature"/>]. For multi-label sigmoid outputs each output gets its
/// own T (<see cref="FitSigmoidPerOutput"/>): the classes of a multi-label model are separate binary problems whose
/// over- or under-confidence differs, and a per-output T still keeps every output's ranking (AUROC) unchanged.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Smallest temperature searched.</summary>
    public const double MinTemperature = 0.05;

    /// <summary>Largest temperature searched.</summary>
    public const double MaxTemperature = 20;

    private const double LogTolerance = 1e-6;

    /// <summary>The T that minimises the mean NLL of softmax(logits / T) for <paramref name="labels"/> (class indices).</summary>
    public static double FitSoftmax(IReadOnlyList<double[]> logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Count != labels.Length || labels.IsEmpty)
        {
            throw new ArgumentException($"{logits.Count} logit rows but {labels.Length} labels; need equally many, at least one.", nameof(labels));
        }

        var labelArray = labels.ToArray();
        return Minimise(temperature => SoftmaxNll(logits, labelArray, temperature));
    }

    /// <summary>Mean negative log-likelihood (nats) of softmax(logits / T) for the labels.</summary>
    public static double SoftmaxNll(IReadOnlyList<double[]> logits, ReadOnlySpan<int> labels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits[i];
            var max = row.Max();
            var sum = 0.0;
            foreach (var logit in row)
            {
                sum += Math.Exp((logit - max) / temperature);
            }

            total += Math.Log(sum) - ((row[labels[i]] - max) / temperature);
        }

        return total / labels.Length;
    }

    /// <summary>The T that minimises the mean NLL of sigmoid(logit / T) for one binary output.</summary>
    public static double FitSigmoid(ReadOnlySpan<double> logits, ReadOnlySpan<bool> targets)
    {
        if (logits.Length != targets.Length || logits.IsEmpty)
        {
            throw new ArgumentException($"{logits.Length} logits but {targets.Length} targets; need equally many, at least one.", nameof(targets));
        }

        var logitArray = logits.ToArray();
        var targetArray = targets.ToArray();
        return Minimise(temperature => SigmoidNll(logitArray, targetArray, temperature));
    }

    /// <summary>One T per output (column) of a multi-label model's logits, each fitted by <see cref="FitSigmoid"/>.</summary>
    public static double[] FitSigmoidPerOutput(IReadOnlyList<double[]> logits, IReadOnlyList<bool[]> targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.Count == 0 || logits.Count != targets.Count)
        {
            throw new ArgumentException($"{logits.Count} logit rows but {targets.Count} target rows; need equally many, at least one.", nameof(targets));
        }

        var outputs = logits[0].Length;
        var temperatures = new double[outputs];
        for (var output = 0; output < outputs; output++)
        {
            var column = logits.Select(row => row[output]).ToArray();
            var truth = targets.Select(row => row[output]).ToArray();
            temperatures[output] = FitSigmoid(column, truth);
        }

        return temperatures;
    }

    /// <summary>Mean binary cross-entropy (nats) of sigmoid(logit / T), computed without overflow.</summary>
    public static double SigmoidNll(ReadOnlySpan<double> logits, ReadOnlySpan<bool> targets, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = logits[i] / temperature;
            // −log σ(z) = softplus(−z), −log(1 − σ(z)) = softplus(z); softplus(x) = max(x, 0) + log(1 + e^−|x|).
            var x = targets[i] ? -z : z;
            total += Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
        }

        return total / logits.Length;
    }

    /// <summary>Golden-section search for the minimum of <paramref name="loss"/> over log T.</summary>
    private static double Minimise(Func<double, double> loss)
    {
        var inverseGolden = (Math.Sqrt(5) - 1) / 2;
        double low = Math.Log(MinTemperature), high = Math.Log(MaxTemperature);
        var left = high - (inverseGolden * (high - low));
        var right = low + (inverseGolden * (high - low));
        double leftLoss = loss(Math.Exp(left)), rightLoss = loss(Math.Exp(right));
        while (high - low > LogTolerance)
        {
            if (leftLoss <= rightLoss)
            {
                high = right;
                right = left;
                rightLoss = leftLoss;
                left = high - (inverseGolden * (high - low));
                leftLoss = loss(Math.Exp(left));
            }
            else
            {
                low = left;
                left = right;
                leftLoss = rightLoss;
                right = low + (inverseGolden * (high - low));
                rightLoss = loss(Math.Exp(right));
            }
        }

        return Math.Exp((low + high) / 2);
    }
}
