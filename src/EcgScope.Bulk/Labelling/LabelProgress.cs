namespace EcgScope.Bulk.Labelling;

/// <summary>How far labelling a folder has come.</summary>
/// <param name="Total">Items in the folder.</param>
/// <param name="Labelled">Items with a class.</param>
/// <param name="Skipped">Items skipped.</param>
/// <param name="DistinctContents">Distinct file contents (SHA-256) among the labelled items: what a grouped split splits.</param>
/// <param name="PerClass">Labelled items per class, in the order of their first decision.</param>
public sealed record LabelProgress(int Total, int Labelled, int Skipped, int DistinctContents, IReadOnlyDictionary<string, int> PerClass)
{
    /// <summary>Items not yet decided.</summary>
    public int Remaining => Total - Labelled - Skipped;

    /// <summary>Share of items decided, 0..1 (1 for an empty folder).</summary>
    public double Fraction => Total == 0 ? 1 : (double)(Labelled + Skipped) / Total;

    /// <summary>The progress of <paramref name="entries"/> (a labels file's, in order) over the folder's <paramref name="items"/>; decisions about items no longer there do not count.</summary>
    public static LabelProgress Of(IReadOnlyList<string> items, IReadOnlyList<LabelEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(items);
        var decided = Decided(new HashSet<string>(items, StringComparer.Ordinal), entries).Values.ToList();
        var labelled = decided.Where(entry => !entry.IsSkipped).ToList();
        return new LabelProgress(
            items.Count,
            labelled.Count,
            decided.Count - labelled.Count,
            labelled.Select(entry => entry.Sha256).Distinct(StringComparer.Ordinal).Count(),
            labelled.GroupBy(entry => entry.Label!, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal));
    }

    /// <summary>The last decision per item of <paramref name="items"/>.</summary>
    internal static Dictionary<string, LabelEntry> Decided(IReadOnlySet<string> items, IEnumerable<LabelEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var decided = new Dictionary<string, LabelEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(entry => items.Contains(entry.Item)))
        {
            decided[entry.Item] = entry;
        }

        return decided;
    }
}
