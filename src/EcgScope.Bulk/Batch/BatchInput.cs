using EcgScope.Bulk.Fetching;
using EcgScope.Core;
using EcgScope.Formats;

namespace EcgScope.Bulk.Batch;

/// <summary>A file of the input that is not a record: no reader recognises its content.</summary>
/// <param name="Name">Its path relative to the input folder.</param>
/// <param name="Reason">The readers' verdict.</param>
public sealed record UnsupportedFile(string Name, string Reason);

/// <summary>
/// The records of a folder or of a fetch manifest, each once, ordered by name. A WFDB header (<c>.hea</c>) is a record,
/// and the files beside it with the same name (<c>100.dat</c>, <c>100.atr</c>, CinC 2017's <c>A00001.mat</c>, LUDB's
/// <c>1.ii</c>) belong to it; every other file is a record when a reader recognises its content. Hidden files and
/// folders (a name starting with '.', as fetch's <c>.partial</c>) are left out.
/// </summary>
/// <param name="Root">The folder the names are relative to.</param>
/// <param name="Records">The records, ordered by name (ordinal).</param>
/// <param name="Unsupported">The files that are not ECG records, ordered by name.</param>
public sealed record BatchInput(string Root, IReadOnlyList<RecordSource> Records, IReadOnlyList<UnsupportedFile> Unsupported)
{
    private const string HeaderExtension = ".hea";

    /// <summary>The records in <paramref name="folder"/> and its subfolders.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="reader">The readers that decide by content which files are records.</param>
    /// <param name="ignored">Full paths to leave out (the results file, when it lies in the folder).</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static BatchInput FromFolder(string folder, EcgFileReader reader, IEnumerable<string>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var root = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder.");
        }

        var skip = new HashSet<string>((ignored ?? []).Select(System.IO.Path.GetFullPath), StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Where(path => !skip.Contains(path) && !IsHidden(System.IO.Path.GetRelativePath(root, path)));
        return FromFiles(root, files, reader);
    }

    /// <summary>
    /// The records among the files a fetch manifest lists as complete (status done), which lie in the manifest's folder.
    /// A listed file that has gone since is still a record, whose row then says it is missing.
    /// </summary>
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    public static BatchInput FromManifest(string manifestPath, EcgFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var path = System.IO.Path.GetFullPath(manifestPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{manifestPath}: no such file.", manifestPath);
        }

        var root = System.IO.Path.GetDirectoryName(path)!;
        var files = FetchManifest.OpenFile(path).CompleteFiles().Values.Distinct(StringComparer.Ordinal)
            .Select(file => System.IO.Path.Combine(root, file));
        return FromFiles(root, files, reader);
    }

    private static BatchInput FromFiles(string root, IEnumerable<string> paths, EcgFileReader reader)
    {
        var files = paths.Select(path => new FileInfo(path)).ToList();
        var byRecordName = files.ToLookup(RecordKey, StringComparer.Ordinal);
        var headerKeys = files.Where(IsHeader).Select(RecordKey).ToHashSet(StringComparer.Ordinal);
        var records = new List<RecordSource>();
        var unsupported = new List<UnsupportedFile>();
        foreach (var file in files)
        {
            var name = RelativeName(root, file.FullName);
            if (IsHeader(file))
            {
                records.Add(Source(file, name, byRecordName[RecordKey(file)]));
            }
            else if (headerKeys.Contains(RecordKey(file)))
            {
                continue;
            }
            else if (UnsupportedReason(reader, file.FullName) is { } reason)
            {
                unsupported.Add(new UnsupportedFile(name, reason));
            }
            else
            {
                records.Add(Source(file, name, [file]));
            }
        }

        return new BatchInput(
            root,
            [.. records.OrderBy(record => record.Name, StringComparer.Ordinal)],
            [.. unsupported.OrderBy(file => file.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Why no reader takes the file, or null when one does (or when only reading it can tell what is wrong).</summary>
    private static string? UnsupportedReason(EcgFileReader reader, string path)
    {
        try
        {
            reader.Detect(path);
            return null;
        }
        catch (EcgFormatException error)
        {
            return error.Message;
        }
        catch (IOException)
        {
            // Unreadable or gone: a record whose row carries the reader's error.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static RecordSource Source(FileInfo main, string name, IEnumerable<FileInfo> files)
    {
        var present = files.Where(file => file.Exists).ToList();
        return new RecordSource(
            main.FullName,
            name,
            present.Sum(file => file.Length),
            present.Count == 0 ? DateTime.MinValue : present.Max(file => file.LastWriteTimeUtc));
    }

    private static bool IsHeader(FileInfo file) => string.Equals(file.Extension, HeaderExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder and the name up to the last dot: what a WFDB header and its other files share.</summary>
    private static string RecordKey(FileInfo file) =>
        System.IO.Path.Combine(file.DirectoryName ?? "", System.IO.Path.GetFileNameWithoutExtension(file.Name));

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private static string RelativeName(string root, string path) =>
        System.IO.Path.GetRelativePath(root, path).Replace(System.IO.Path.DirectorySeparatorChar, '/');
}
