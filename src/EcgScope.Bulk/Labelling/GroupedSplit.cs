namespace EcgScope.Bulk.Labelling;

/// <summary>Which side of a train/test split an item lands on.</summary>
/// <param name="Entry">The labelled item.</param>
/// <param name="IsTest">Whether it is in the test set.</param>
public sealed record SplitItem(LabelEntry Entry, bool IsTest);

/// <summary>
/// A train/test split grouped by content: items whose files are identical (the same SHA-256) are one group and always
/// land on the same side, so a copy of a test image never sits in the training set (which is how near-perfect
/// published accuracies on datasets that repeat images arise). Stratified: for each class, about
/// <c>testFraction</c> of its groups go to test. Seeded, so the same labels and seed give the same split.
/// </summary>
public static class GroupedSplit
{
    /// <summary>Splits <paramref name="labelled"/> (one entry per item, no skips).</summary>
    /// <param name="labelled">The labelled items.</param>
    /// <param name="testFraction">Share of each class's groups in the test set, 0..1.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <returns>Every entry with its side, in the input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is outside 0..1.</exception>
    public static IReadOnlyList<SplitItem> Split(IReadOnlyList<LabelEntry> labelled, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        if (!(testFraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction is a share from 0 to 1.");
        }

        // A group's class is its most frequent label (identical files labelled differently stay together all the same).
        var groups = labelled
            .GroupBy(entry => entry.Sha256, StringComparer.Ordinal)
            .Select(group => (Sha256: group.Key, Class: group.GroupBy(e => e.Label!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key))
            .OrderBy(group => group.Sha256, StringComparer.Ordinal)
            .ToList();
        var random = new Random(seed);
        var testGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var byClass in groups.GroupBy(group => group.Class, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shuffled = byClass.Select(group => group.Sha256).ToArray();
            random.Shuffle(shuffled);
            testGroups.UnionWith(shuffled.Take((int)Math.Round(testFraction * shuffled.Length, MidpointRounding.AwayFromZero)));
        }

        return [.. labelled.Select(entry => new SplitItem(entry, testGroups.Contains(entry.Sha256)))];
    }
}
