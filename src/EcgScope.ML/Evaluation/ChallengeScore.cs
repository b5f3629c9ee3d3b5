namespace EcgScope.ML.Evaluation;

/// <summary>The PhysioNet/CinC Challenge 2017 score: the mean F1 of Normal, AF and Other rhythm (Noisy is not averaged).</summary>
public static class ChallengeScore
{
    /// <summary>Class indices averaged: Normal, AF, Other (in the order of <c>Cinc2017.ReferenceCodes</c>).</summary>
    public static ReadOnlySpan<int> ScoredClasses => [0, 1, 2];

    /// <summary>(F1 Normal + F1 AF + F1 Other) / 3 from a 4-class matrix, as the challenge's <c>score2017.m</c>.</summary>
    public static double Cinc2017(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.ClassCount != 4)
        {
            throw new ArgumentException($"The CinC 2017 score needs the 4-class matrix, got {matrix.ClassCount} classes.", nameof(matrix));
        }

        return matrix.MeanF1(ScoredClasses);
    }

    /// <summary>The score of <paramref name="predictions"/> against <paramref name="labels"/> (class indices 0 … 3).</summary>
    public static double Cinc2017(ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions) =>
        Cinc2017(ConfusionMatrix.From(labels, predictions, 4));
}
