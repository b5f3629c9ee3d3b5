namespace EcgScope.ML.Evaluation;

/// <summary>
/// Threshold-free metrics of a score against binary truth: the area under the ROC curve (ties count half, through
/// midranks, as the Mann-Whitney U) and average precision (the area under the precision-recall curve as scikit-learn's
/// <c>average_precision_score</c>: Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct thresholds, no interpolation). Multi-class
/// scores are one-vs-rest: class c's probability against "is class c".
/// </summary>
public static class RankingMetrics
{
    /// <summary>AUROC of <paramref name="scores"/> (higher means positive); NaN unless both classes occur.</summary>
    public static double Auroc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        RequireSameLength(scores, positives);
        var order = DescendingOrder(scores);
        var positiveCount = Count(positives);
        var negativeCount = scores.Length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0)
        {
            return double.NaN;
        }

        // Ranks ascend with the score; a run of ties shares the mean of its ranks.
        var positiveRankSum = 0.0;
        var start = 0;
        while (start < order.Length)
        {
            var end = EndOfTies(scores, order, start);
            var midrank = scores.Length - ((start + end - 1) / 2.0); // rank n for the highest score
            for (var k = start; k < end; k++)
            {
                positiveRankSum += positives[order[k]] ? midrank : 0;
            }

            start = end;
        }

        var u = positiveRankSum - (positiveCount * (positiveCount + 1) / 2.0);
        return u / ((double)positiveCount * negativeCount);
    }

    /// <summary>Average precision of <paramref name="scores"/>; NaN when no record is positive.</summary>
    public static double AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        RequireSameLength(scores, positives);
        if (Count(positives) == 0)
        {
            return double.NaN;
        }

        var (recall, precision) = PrecisionRecallCurve(scores, positives);
        double previousRecall = 0, area = 0;
        for (var k = 0; k < recall.Length; k++)
        {
            area += (recall[k] - previousRecall) * precision[k];
            previousRecall = recall[k];
        }

        return area;
    }

    /// <summary>
    /// The ROC curve: false- and true-positive rates as the threshold falls through each distinct score, from (0, 0) to
    /// (1, 1); tied scores pass together, so the curve is the one <see cref="Auroc(ReadOnlySpan{double}, ReadOnlySpan{bool})"/> measures.
    /// </summary>
    /// <exception cref="ArgumentException">Both classes do not occur.</exception>
    public static (double[] FalsePositiveRate, double[] TruePositiveRate) RocCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        var (truePositives, falsePositives, positiveCount) = Counts(scores, positives);
        var negativeCount = scores.Length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0)
        {
            throw new ArgumentException("A ROC curve needs both positive and negative records.", nameof(positives));
        }

        return ([0, .. falsePositives.Select(n => (double)n / negativeCount)], [0, .. truePositives.Select(n => (double)n / positiveCount)]);
    }

    /// <summary>
    /// The precision-recall curve: recall and precision as the threshold falls through each distinct score (the points
    /// <see cref="AveragePrecision(ReadOnlySpan{double}, ReadOnlySpan{bool})"/> sums over).
    /// </summary>
    /// <exception cref="ArgumentException">No record is positive.</exception>
    public static (double[] Recall, double[] Precision) PrecisionRecallCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        var (truePositives, falsePositives, positiveCount) = Counts(scores, positives);
        if (positiveCount == 0)
        {
            throw new ArgumentException("A precision-recall curve needs positive records.", nameof(positives));
        }

        return ([.. truePositives.Select(n => (double)n / positiveCount)], [.. truePositives.Select((n, k) => (double)n / (n + falsePositives[k]))]);
    }

    /// <summary>One-vs-rest AUROC of class <paramref name="c"/>: column c of <paramref name="probabilities"/> against labels equal to c.</summary>
    public static double Auroc(IReadOnlyList<double[]> probabilities, ReadOnlySpan<int> labels, int c)
    {
        var (scores, positives) = OneVsRest(probabilities, labels, c);
        return Auroc(scores, positives);
    }

    /// <summary>One-vs-rest average precision of class <paramref name="c"/>.</summary>
    public static double AveragePrecision(IReadOnlyList<double[]> probabilities, ReadOnlySpan<int> labels, int c)
    {
        var (scores, positives) = OneVsRest(probabilities, labels, c);
        return AveragePrecision(scores, positives);
    }

    /// <summary>True and false positives above each distinct threshold (highest first), and the positives in all.</summary>
    private static (List<int> TruePositives, List<int> FalsePositives, int PositiveCount) Counts(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        RequireSameLength(scores, positives);
        var order = DescendingOrder(scores);
        List<int> truePositives = [], falsePositives = [];
        int tp = 0, fp = 0, start = 0;
        while (start < order.Length)
        {
            var end = EndOfTies(scores, order, start);
            for (var k = start; k < end; k++)
            {
                tp += positives[order[k]] ? 1 : 0;
                fp += positives[order[k]] ? 0 : 1;
            }

            truePositives.Add(tp);
            falsePositives.Add(fp);
            start = end;
        }

        return (truePositives, falsePositives, tp);
    }

    /// <summary>Column <paramref name="c"/> of <paramref name="probabilities"/> as scores, and whether each label is <paramref name="c"/>.</summary>
    public static (double[] Scores, bool[] Positives) OneVsRest(IReadOnlyList<double[]> probabilities, ReadOnlySpan<int> labels, int c)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != labels.Length)
        {
            throw new ArgumentException($"{probabilities.Count} probability rows but {labels.Length} labels.", nameof(labels));
        }

        var scores = new double[labels.Length];
        var positives = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            scores[i] = probabilities[i][c];
            positives[i] = labels[i] == c;
        }

        return (scores, positives);
    }

    private static int[] DescendingOrder(ReadOnlySpan<double> scores)
    {
        foreach (var score in scores)
        {
            if (double.IsNaN(score))
            {
                throw new ArgumentException("A score is NaN; ranking metrics need every score.", nameof(scores));
            }
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order, Comparer<double>.Create((a, b) => b.CompareTo(a)));
        return order;
    }

    private static int EndOfTies(ReadOnlySpan<double> scores, int[] order, int start)
    {
        var end = start + 1;
        while (end < order.Length && scores[order[end]] == scores[order[start]])
        {
            end++;
        }

        return end;
    }

    private static int Count(ReadOnlySpan<bool> flags)
    {
        var count = 0;
        foreach (var flag in flags)
        {
            count += flag ? 1 : 0;
        }

        return count;
    }

    private static void RequireSameLength(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        if (scores.Length != positives.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {positives.Length} truth values.", nameof(positives));
        }
    }
}
