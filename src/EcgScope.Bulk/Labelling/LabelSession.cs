namespace EcgScope.Bulk.Labelling;

/// <summary>
/// Labelling one folder into one labels file (<see cref="LabelsFile"/>): the items in order, the next one not yet
/// decided (so a session reopened later resumes where the last one stopped), and label, skip and undo, each written
/// to the file before it returns. Safe to use from several threads (a web app's requests).
/// </summary>
public sealed class LabelSession
{
    private readonly Lock gate = new();
    private readonly List<LabelEntry> entries;
    private readonly HashSet<string> itemSet;

    private LabelSession(string folder, string labelsPath, LabelClasses classes, IReadOnlyList<string> items, List<LabelEntry> entries)
    {
        Folder = folder;
        LabelsPath = labelsPath;
        Classes = classes;
        Items = items;
        itemSet = new HashSet<string>(items, StringComparer.Ordinal);
        this.entries = entries;
    }

    /// <summary>The labelled folder.</summary>
    public string Folder { get; }

    /// <summary>The labels CSV.</summary>
    public string LabelsPath { get; }

    /// <summary>The classes.</summary>
    public LabelClasses Classes { get; }

    /// <summary>The folder's items, in labelling order (<see cref="LabelItems.List"/>).</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>
    /// Opens labelling of <paramref name="folder"/> into <paramref name="labelsPath"/>, reading the decisions it
    /// already holds. Decisions about items no longer in the folder are kept in the file but do not count.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="EcgScope.Core.EcgFormatException">The labels file is malformed.</exception>
    public static LabelSession Open(string folder, string labelsPath, LabelClasses classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var items = LabelItems.List(folder);
        return new LabelSession(Path.GetFullPath(folder), Path.GetFullPath(labelsPath), classes, items, [.. LabelsFile.Read(labelsPath)]);
    }

    /// <summary>Every decision in the order made (an item decided twice appears twice; the last counts).</summary>
    public IReadOnlyList<LabelEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>The first item in order not yet decided, or null when every item is.</summary>
    public string? Next
    {
        get
        {
            lock (gate)
            {
                var decided = LabelProgress.Decided(itemSet, entries);
                return Items.FirstOrDefault(item => !decided.ContainsKey(item));
            }
        }
    }

    /// <summary>The counts so far.</summary>
    public LabelProgress Progress
    {
        get
        {
            lock (gate)
            {
                return LabelProgress.Of(Items, entries);
            }
        }
    }

    /// <summary>The full path of <paramref name="item"/>.</summary>
    /// <exception cref="ArgumentException">It is not one of <see cref="Items"/>.</exception>
    public string PathOf(string item) => itemSet.Contains(item)
        ? Path.Combine(Folder, item.Replace('/', Path.DirectorySeparatorChar))
        : throw new ArgumentException($"'{item}' is not an item of {Folder}.", nameof(item));

    /// <summary>Labels <paramref name="item"/> with <paramref name="className"/> (replacing an earlier decision) and writes the file.</summary>
    /// <exception cref="ArgumentException">The item is not in the folder or the class is not one of <see cref="Classes"/>.</exception>
    public void Label(string item, string className)
    {
        if (!Classes.Contains(className))
        {
            throw new ArgumentException($"'{className}' is not a class ({string.Join(", ", Classes.Names)}).", nameof(className));
        }

        Decide(item, className);
    }

    /// <summary>Skips <paramref name="item"/> (it is not asked again) and writes the file.</summary>
    /// <exception cref="ArgumentException">The item is not in the folder.</exception>
    public void Skip(string item) => Decide(item, null);

    /// <summary>Takes back the last decision and writes the file; returns its item (to show again), or null when there was none.</summary>
    public string? Undo()
    {
        lock (gate)
        {
            if (entries.Count == 0)
            {
                return null;
            }

            var last = entries[^1];
            LabelsFile.Write(LabelsPath, entries[..^1]);
            entries.RemoveAt(entries.Count - 1);
            return last.Item;
        }
    }

    private void Decide(string item, string? label)
    {
        var sha256 = LabelsFile.Sha256Of(PathOf(item));
        lock (gate)
        {
            var entry = new LabelEntry(item, label, sha256, DateTime.UtcNow);
            LabelsFile.Write(LabelsPath, [.. entries, entry]);
            entries.Add(entry);
        }
    }
}
