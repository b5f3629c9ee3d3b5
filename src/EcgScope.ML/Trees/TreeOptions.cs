using System.Globalization;

namespace EcgScope.ML.Trees;

/// <summary>Hyper-parameters of the gradient-boosted trees (LightGBM, multiclass softmax objective).</summary>
/// <param name="LearningRate">Shrinkage of each tree's contribution.</param>
/// <param name="Leaves">Most leaves per tree.</param>
/// <param name="Iterations">Boosting rounds (one tree per class each).</param>
/// <param name="MinimumExamplesPerLeaf">Fewest training records in a leaf.</param>
/// <param name="BalanceClasses">Weight each record by the inverse of its class's frequency, so every class weighs the same in the loss.</param>
public sealed record TreeOptions(double LearningRate, int Leaves, int Iterations, int MinimumExamplesPerLeaf, bool BalanceClasses)
{
    /// <summary>LightGBM's usual starting point: rate 0.1, 31 leaves, 300 rounds, 20 records per leaf, no class weights.</summary>
    public static TreeOptions Default { get; } = new(0.1, 31, 300, 20, false);

    /// <summary>The options in one line, for reports.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"learning rate {LearningRate}, {Leaves} leaves, {Iterations} rounds, ≥ {MinimumExamplesPerLeaf} records per leaf, {(BalanceClasses ? "classes balanced by weight" : "no class weights")}");
}
