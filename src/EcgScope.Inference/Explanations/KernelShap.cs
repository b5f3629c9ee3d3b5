namespace EcgScope.Inference.Explanations;

/// <summary>
/// Shapley values of a model's inputs by KernelSHAP (Lundberg and Lee, "A unified approach to interpreting model
/// predictions", NeurIPS 2017): the model is evaluated on coalitions of features, those outside a coalition taken
/// from a baseline, and the values solve a weighted least-squares fit under the Shapley kernel with the constraint
/// that they add up to f(x) − f(baseline). With few features every coalition is enumerated and the result is exact;
/// otherwise coalitions are drawn (seeded) in complementary pairs, sizes in proportion to the kernel's weight.
/// </summary>
public static class KernelShap
{
    /// <summary>Up to this many features every coalition is used (2^n − 2 of them), and the values are exact.</summary>
    public const int ExactUpTo = 12;

    /// <summary>The Shapley value of each feature of <paramref name="x"/> for <paramref name="model"/>, against <paramref name="baseline"/>.</summary>
    /// <param name="model">The model's output to explain (e.g. one class's probability) for a feature vector.</param>
    /// <param name="x">The feature vector explained.</param>
    /// <param name="baseline">What a feature is when it is "absent" (e.g. the training medians).</param>
    /// <param name="samples">Coalitions drawn when there are more than <see cref="ExactUpTo"/> features.</param>
    /// <param name="seed">Seeds the drawing.</param>
    public static double[] Values(Func<double[], double> model, IReadOnlyList<double> x, IReadOnlyList<double> baseline, int samples = 2048, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ValuesBatched(rows => [.. rows.Select(model)], x, baseline, samples, seed);
    }

    /// <summary>
    /// As <see cref="Values"/>, for a model that scores many feature vectors in one call (one inference run for all
    /// coalitions instead of one each).
    /// </summary>
    /// <param name="model">The model's output to explain for each of the feature vectors given, in order.</param>
    /// <param name="x">The feature vector explained.</param>
    /// <param name="baseline">What a feature is when it is "absent" (e.g. the training medians).</param>
    /// <param name="samples">Coalitions drawn when there are more than <see cref="ExactUpTo"/> features.</param>
    /// <param name="seed">Seeds the drawing.</param>
    public static double[] ValuesBatched(Func<IReadOnlyList<double[]>, double[]> model, IReadOnlyList<double> x, IReadOnlyList<double> baseline, int samples = 2048, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(baseline);
        var n = x.Count;
        if (baseline.Count != n)
        {
            throw new ArgumentException($"{n} features but a baseline of {baseline.Count}.", nameof(baseline));
        }

        List<(bool[] Members, double Weight)> coalitions = n == 1 ? [] : n <= ExactUpTo ? AllCoalitions(n) : DrawnCoalitions(n, samples, seed);
        var outputs = model([[.. x], [.. baseline], .. coalitions.Select(c => Blend(x, baseline, c.Members))]);
        var (full, empty) = (outputs[0], outputs[1]);
        return n == 1
            ? [full - empty]
            : Solve(coalitions, [.. outputs.Skip(2).Select(output => output - empty)], n, full - empty);
    }

    private static double[] Blend(IReadOnlyList<double> x, IReadOnlyList<double> baseline, bool[] members) =>
        [.. Enumerable.Range(0, x.Count).Select(i => members[i] ? x[i] : baseline[i])];

    /// <summary>The Shapley kernel weight of a coalition of <paramref name="size"/> out of <paramref name="n"/> (without the binomial, which sampling or enumeration supplies).</summary>
    private static double KernelWeight(int n, int size) => (n - 1.0) / (size * (n - size));

    private static List<(bool[] Members, double Weight)> AllCoalitions(int n)
    {
        var coalitions = new List<(bool[], double)>();
        for (var mask = 1; mask < (1 << n) - 1; mask++)
        {
            var members = Enumerable.Range(0, n).Select(i => (mask & (1 << i)) != 0).ToArray();
            var size = members.Count(m => m);
            coalitions.Add((members, KernelWeight(n, size) / Binomial(n, size)));
        }

        return coalitions;
    }

    /// <summary>
    /// Coalitions drawn with size s in proportion to the kernel's total weight of that size, (n−1)/(s(n−s)), members
    /// uniform given the size, each with its complement; each then weighs the same.
    /// </summary>
    private static List<(bool[] Members, double Weight)> DrawnCoalitions(int n, int samples, int seed)
    {
        var random = new Random(seed);
        var sizeWeights = Enumerable.Range(1, n - 1).Select(s => KernelWeight(n, s)).ToArray();
        var total = sizeWeights.Sum();
        var coalitions = new List<(bool[], double)>();
        var order = Enumerable.Range(0, n).ToArray();
        for (var k = 0; k < samples / 2; k++)
        {
            var pick = random.NextDouble() * total;
            var size = 1;
            while (size < n - 1 && (pick -= sizeWeights[size - 1]) > 0)
            {
                size++;
            }

            random.Shuffle(order);
            var members = new bool[n];
            foreach (var i in order.Take(size))
            {
                members[i] = true;
            }

            coalitions.Add((members, 1.0));
            coalitions.Add((members.Select(m => !m).ToArray(), 1.0));
        }

        return coalitions;
    }

    /// <summary>
    /// Weighted least squares for φ with Σφ = total: the last feature is eliminated (φₙ = total − Σ others), leaving
    /// normal equations of size n − 1, solved by Gaussian elimination with partial pivoting.
    /// </summary>
    private static double[] Solve(List<(bool[] Members, double Weight)> coalitions, double[] outputs, int n, double total)
    {
        var m = n - 1;
        var a = new double[m, m];
        var b = new double[m];
        for (var k = 0; k < coalitions.Count; k++)
        {
            var (members, weight) = coalitions[k];
            var last = members[n - 1] ? 1.0 : 0.0;
            var target = outputs[k] - (last * total);
            for (var i = 0; i < m; i++)
            {
                var zi = (members[i] ? 1.0 : 0.0) - last;
                b[i] += weight * zi * target;
                for (var j = 0; j < m; j++)
                {
                    a[i, j] += weight * zi * ((members[j] ? 1.0 : 0.0) - last);
                }
            }
        }

        var phi = GaussianElimination(a, b);
        return [.. phi, total - phi.Sum()];
    }

    private static double[] GaussianElimination(double[,] a, double[] b)
    {
        var m = b.Length;
        for (var col = 0; col < m; col++)
        {
            var pivot = Enumerable.Range(col, m - col).MaxBy(row => Math.Abs(a[row, col]));
            for (var j = 0; j < m; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var row = col + 1; row < m; row++)
            {
                var factor = a[row, col] / a[col, col];
                for (var j = col; j < m; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }

                b[row] -= factor * b[col];
            }
        }

        var x = new double[m];
        for (var row = m - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var j = row + 1; j < m; j++)
            {
                sum -= a[row, j] * x[j];
            }

            x[row] = sum / a[row, row];
        }

        return x;
    }

    private static double Binomial(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
