using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Tests;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Match_scikit_learns_documented_example()
    {
        // roc_auc_score and average_precision_score document 0.75 and 0.8333 for these.
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        bool[] positives = [false, false, true, true];

        Assert.Equal(0.75, RankingMetrics.Auroc(scores, positives), 12);
        Assert.Equal(0.8333333333333333, RankingMetrics.AveragePrecision(scores, positives), 12);
    }

    [Fact]
    public void Ties_count_half_and_pass_the_threshold_together()
    {
        // Pairs (positive, negative): 0.5>0.1, 0.5=0.5 (half), 0.9>0.1, 0.9>0.5: 3.5 of 4.
        double[] scores = [0.1, 0.5, 0.5, 0.9];
        bool[] positives = [false, false, true, true];

        Assert.Equal(0.875, RankingMetrics.Auroc(scores, positives), 12);
        // Thresholds 0.9 (P 1, R 0.5), 0.5 (P 2/3, R 1): 0.5·1 + 0.5·2/3.
        Assert.Equal(0.5 + (0.5 * 2 / 3), RankingMetrics.AveragePrecision(scores, positives), 12);
        Assert.Equal(0.5, RankingMetrics.Auroc([0.3, 0.3], [true, false]), 12);
    }

    [Fact]
    public void Perfect_and_reversed_rankings_give_the_extremes()
    {
        double[] scores = [0.9, 0.8, 0.2, 0.1];

        Assert.Equal(1, RankingMetrics.Auroc(scores, [true, true, false, false]), 12);
        Assert.Equal(0, RankingMetrics.Auroc(scores, [false, false, true, true]), 12);
        Assert.Equal(1, RankingMetrics.AveragePrecision(scores, [true, true, false, false]), 12);
    }

    [Fact]
    public void One_class_only_is_undefined()
    {
        Assert.True(double.IsNaN(RankingMetrics.Auroc([0.1, 0.2], [true, true])));
        Assert.True(double.IsNaN(RankingMetrics.AveragePrecision([0.1, 0.2], [false, false])));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Auroc([double.NaN, 0.2], [true, false]));
    }

    [Fact]
    public void One_vs_rest_scores_a_class_column_against_its_label()
    {
        double[][] probabilities = [[0.7, 0.3], [0.4, 0.6], [0.55, 0.45], [0.2, 0.8]];
        int[] labels = [0, 1, 1, 1];

        // Column 1: 0.3 (neg) against 0.6, 0.45, 0.8 (pos): all above.
        Assert.Equal(1, RankingMetrics.Auroc(probabilities, labels, 1), 12);
        Assert.Equal(1, RankingMetrics.Auroc(probabilities, labels, 0), 12);
        Assert.Equal(1, RankingMetrics.AveragePrecision(probabilities, labels, 1), 12);
    }

    [Fact]
    public void Roc_curve_encloses_the_auroc_and_ends_at_the_corners()
    {
        var random = new Random(7);
        var positives = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.3).ToArray();
        // Scores rounded to 0.05 so that ties occur, each positive shifted up a little.
        var scores = positives.Select(p => Math.Round((random.NextDouble() + (p ? 0.3 : 0)) * 20) / 20).ToArray();

        var (falsePositiveRate, truePositiveRate) = RankingMetrics.RocCurve(scores, positives);
        var trapezoids = Enumerable.Range(1, falsePositiveRate.Length - 1)
            .Sum(k => (falsePositiveRate[k] - falsePositiveRate[k - 1]) * (truePositiveRate[k] + truePositiveRate[k - 1]) / 2);

        Assert.Equal(RankingMetrics.Auroc(scores, positives), trapezoids, 12);
        Assert.Equal((0.0, 0.0), (falsePositiveRate[0], truePositiveRate[0]));
        Assert.Equal((1.0, 1.0), (falsePositiveRate[^1], truePositiveRate[^1]));
    }

    [Fact]
    public void Precision_recall_curve_follows_the_thresholds()
    {
        // Thresholds 0.9 (P 1, R 0.5), 0.5 (P 2/3, R 1), 0.1 (P 1/2, R 1).
        var (recall, precision) = RankingMetrics.PrecisionRecallCurve([0.1, 0.5, 0.5, 0.9], [false, false, true, true]);

        Assert.Equal([0.5, 1, 1], recall);
        Assert.Equal([1, 2.0 / 3, 0.5], precision);
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocCurve([0.1, 0.2], [true, true]));
    }
}
