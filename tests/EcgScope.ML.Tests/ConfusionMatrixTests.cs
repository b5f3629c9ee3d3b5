using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Tests;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Per_class_F1_matches_scikit_learns_documented_example()
    {
        // sklearn.metrics.f1_score(y_true, y_pred, average=None) documents [0.8, 0, 0] for these.
        int[] labels = [0, 1, 2, 0, 1, 2];
        int[] predictions = [0, 2, 1, 0, 0, 1];

        var matrix = ConfusionMatrix.From(labels, predictions, 3);

        Assert.Equal(0.8, matrix.F1(0), 12);
        Assert.Equal(0, matrix.F1(1));
        Assert.Equal(0, matrix.F1(2));
        Assert.Equal(2, matrix[0, 0]);
        Assert.Equal(1, matrix[1, 0]);
        Assert.Equal(3, matrix.ColumnSum(0));
        Assert.Equal(2.0 / 6, matrix.Accuracy, 12);
    }

    [Fact]
    public void Challenge_score_is_the_mean_F1_of_normal_af_and_other_by_hand()
    {
        // N: 3 right, 1 as O; A: 1 right, 1 as N; O: 2 right, 1 as A; noisy: 1 right.
        int[] labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 3];
        int[] predictions = [0, 0, 0, 2, 1, 0, 2, 2, 1, 3];

        var matrix = ConfusionMatrix.From(labels, predictions, 4);

        Assert.Equal(6.0 / 8, matrix.F1(0), 12);   // 2·3 / (4 + 4)
        Assert.Equal(2.0 / 4, matrix.F1(1), 12);   // 2·1 / (2 + 2)
        Assert.Equal(4.0 / 6, matrix.F1(2), 12);   // 2·2 / (3 + 3)
        Assert.Equal(((6.0 / 8) + 0.5 + (4.0 / 6)) / 3, ChallengeScore.Cinc2017(matrix), 12);
        Assert.Equal(ChallengeScore.Cinc2017(matrix), ChallengeScore.Cinc2017(labels, predictions), 12);
    }

    [Fact]
    public void Noisy_predictions_lower_the_score_only_through_the_scored_classes()
    {
        int[] labels = [0, 1, 2, 3];
        int[] allRight = [0, 1, 2, 3];
        int[] noisyAsNormal = [0, 1, 2, 0];

        Assert.Equal(1, ChallengeScore.Cinc2017(labels, allRight), 12);
        Assert.Equal((((2.0 * 1) / 3) + 1 + 1) / 3, ChallengeScore.Cinc2017(labels, noisyAsNormal), 12);
    }

    [Fact]
    public void A_class_that_never_occurs_nor_is_predicted_has_no_F1()
    {
        var matrix = ConfusionMatrix.From([0, 0], [0, 0], 2);

        Assert.True(double.IsNaN(matrix.F1(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Add(0, 2));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0], [0, 1], 2));
        Assert.Throws<ArgumentException>(() => ChallengeScore.Cinc2017(matrix));
    }

    [Fact]
    public void Text_shows_rows_as_true_classes()
    {
        var matrix = ConfusionMatrix.From([0, 1, 1], [0, 0, 1], 2);

        var lines = matrix.ToText(["N", "A"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["A", "1", "1"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
