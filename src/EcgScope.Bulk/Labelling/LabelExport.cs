namespace EcgScope.Bulk.Labelling;

/// <summary>Items exported to one class on one side.</summary>
/// <param name="Class">The class.</param>
/// <param name="Train">Items in <c>train/CLASS</c>.</param>
/// <param name="Test">Items in <c>test/CLASS</c>.</param>
/// <param name="TrainGroups">Distinct contents among the training items.</param>
/// <param name="TestGroups">Distinct contents among the test items.</param>
public sealed record ClassExport(string Class, int Train, int Test, int TrainGroups, int TestGroups);

/// <summary>What <see cref="LabelExport.Export"/> wrote.</summary>
/// <param name="Folder">The export folder.</param>
/// <param name="Classes">Per class, in ordinal order.</param>
/// <param name="Skipped">Items skipped while labelling, not exported.</param>
/// <param name="Missing">Labelled items whose file is gone from the labelled folder, not exported.</param>
public sealed record LabelExportSummary(string Folder, IReadOnlyList<ClassExport> Classes, int Skipped, IReadOnlyList<string> Missing)
{
    /// <summary>Items exported.</summary>
    public int Exported => Classes.Sum(c => c.Train + c.Test);
}

/// <summary>
/// Exports labelled items into <c>train/CLASS/</c> and <c>test/CLASS/</c> folders by a <see cref="GroupedSplit"/>,
/// plus <c>split.csv</c> (item, label, sha256, split) saying where each went. Files are copied, never moved; a file's
/// name is its path in the labelled folder with '/' as "__", so names from different subfolders cannot collide; a WFDB
/// record's other files (signal, annotations) go with its header.
/// </summary>
public static class LabelExport
{
    /// <summary>Exports the labels of <paramref name="labelsPath"/> (items relative to <paramref name="labelledFolder"/>) into <paramref name="toFolder"/>.</summary>
    /// <exception cref="IOException"><paramref name="toFolder"/> exists and is not empty (an export never mixes with an older one).</exception>
    /// <exception cref="EcgScope.Core.EcgFormatException">The labels file is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The test fraction is outside 0..1.</exception>
    public static LabelExportSummary Export(string labelsPath, string labelledFolder, string toFolder, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(toFolder);
        var entries = LabelsFile.Read(labelsPath);
        var labelled = LabelsFile.Labelled(entries);
        var split = GroupedSplit.Split(labelled, testFraction, seed);
        if (Directory.Exists(toFolder) && Directory.EnumerateFileSystemEntries(toFolder).Any())
        {
            throw new IOException($"{toFolder} is not empty: export into a new or empty folder.");
        }

        var missing = new List<string>();
        var written = new List<SplitItem>();
        foreach (var item in split)
        {
            var source = Path.Combine(labelledFolder, item.Entry.Item.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(source))
            {
                missing.Add(item.Entry.Item);
                continue;
            }

            var target = Directory.CreateDirectory(Path.Combine(toFolder, item.IsTest ? "test" : "train", item.Entry.Label!)).FullName;
            var prefix = Path.GetDirectoryName(item.Entry.Item.Replace('/', Path.DirectorySeparatorChar)) is { Length: > 0 } subfolder
                ? subfolder.Replace(Path.DirectorySeparatorChar, '_') + "__"
                : "";
            foreach (var file in LabelItems.FilesOf(source))
            {
                File.Copy(file, Path.Combine(target, prefix + Path.GetFileName(file)));
            }

            written.Add(item);
        }

        Directory.CreateDirectory(toFolder);
        File.WriteAllText(
            Path.Combine(toFolder, "split.csv"),
            Batch.BatchCsv.Line(["item", "label", "sha256", "split"])
                + string.Concat(written.Select(item => Batch.BatchCsv.Line([item.Entry.Item, item.Entry.Label, item.Entry.Sha256, item.IsTest ? "test" : "train"]))));
        var classes = written
            .GroupBy(item => item.Entry.Label!, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new ClassExport(
                group.Key,
                group.Count(item => !item.IsTest),
                group.Count(item => item.IsTest),
                group.Where(item => !item.IsTest).Select(item => item.Entry.Sha256).Distinct(StringComparer.Ordinal).Count(),
                group.Where(item => item.IsTest).Select(item => item.Entry.Sha256).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
        var skipped = entries.GroupBy(entry => entry.Item, StringComparer.Ordinal).Count(group => group.Last().IsSkipped);
        return new LabelExportSummary(Path.GetFullPath(toFolder), classes, skipped, missing);
    }
}
