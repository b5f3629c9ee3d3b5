namespace EcgScope.ML.Evaluation;

/// <summary>
/// Stratified k-fold assignment by group: whole groups (say, every copy of one image) are dealt to folds by
/// <see cref="StratifiedFolds"/> on each group's label, so no group is ever in two folds.
/// </summary>
public static class GroupedFolds
{
    /// <summary>
    /// The fold of each member, where <paramref name="groupOf"/> gives each member's group (0 … groups−1) and
    /// <paramref name="groupLabels"/> each group's label.
    /// </summary>
    public static int[] Assign(IReadOnlyList<int> groupOf, IReadOnlyList<int> groupLabels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        var groupFolds = StratifiedFolds.Assign(groupLabels, folds, seed);
        return [.. groupOf.Select(group => groupFolds[group])];
    }
}
