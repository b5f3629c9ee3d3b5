namespace EcgScope.Bulk.Labelling;

/// <summary>What there is to label in a folder: images, and ECG records by the file a reader opens them with.</summary>
public static class LabelItems
{
    /// <summary>Image files, by extension (case ignored).</summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>([".png", ".jpg", ".jpeg"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Record files, by extension (case ignored): a WFDB record by its header (its signal and annotation files beside
    /// it belong to it), EDF and Kardia files. Not CSV: a folder of images often holds a CSV manifest.
    /// </summary>
    public static readonly IReadOnlySet<string> RecordExtensions = new HashSet<string>([".hea", ".edf", ".atc"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The items of <paramref name="folder"/> and its subfolders as paths relative to it with '/' separators, in
    /// ordinal order so every run and every machine sees the same order; hidden files and folders are left out.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> List(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder.");
        }

        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsItem)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(item => !item.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="path"/> is an image (else a record).</summary>
    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// The files an item consists of: the item itself, and for a WFDB header every other file of the same name in its
    /// folder (signal, annotations).
    /// </summary>
    public static IReadOnlyList<string> FilesOf(string itemPath)
    {
        ArgumentNullException.ThrowIfNull(itemPath);
        if (!string.Equals(Path.GetExtension(itemPath), ".hea", StringComparison.OrdinalIgnoreCase))
        {
            return [itemPath];
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(itemPath))!;
        var stem = Path.GetFileNameWithoutExtension(itemPath);
        return [.. Directory.EnumerateFiles(folder, stem + ".*").Where(file => Path.GetFileNameWithoutExtension(file) == stem).Order(StringComparer.Ordinal)];
    }

    private static bool IsItem(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path)) || RecordExtensions.Contains(Path.GetExtension(path));
}
