namespace EcgScope.ML.Evaluation;

/// <summary>
/// Stratified k-fold assignment: each class is shuffled with a seeded generator and dealt round-robin over the folds,
/// so every fold holds the same share of each class (±1 record) and a seed always gives the same folds.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>The fold (0 … <paramref name="folds"/>−1) of each label in <paramref name="labels"/>.</summary>
    public static int[] Assign(IReadOnlyList<int> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var assignment = new int[labels.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var member in members)
            {
                // Continuing the deal across classes keeps the fold sizes within one of each other.
                assignment[member] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }
}
