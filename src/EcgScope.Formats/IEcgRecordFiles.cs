namespace EcgScope.Formats;

/// <summary>
/// The files of a record, found by name: a WFDB header names its signal files ("100.dat") and readers look for the
/// annotation file ("100.atr") or a MATLAB file's header ("A00001.hea") beside the file they read.
/// <see cref="FolderRecordFiles"/> finds them in a folder; <see cref="RecordFileSet"/> among named streams (the files of
/// an upload, the entries of a zip archive).
/// </summary>
public interface IEcgRecordFiles
{
    /// <summary>The file named <paramref name="fileName"/> (as a header names it, e.g. "100.dat"), or null when there is none.</summary>
    EcgSource? Find(string fileName);
}

/// <summary>The files of a folder on disk.</summary>
/// <param name="folder">The folder; empty for the current one.</param>
public sealed class FolderRecordFiles(string folder) : IEcgRecordFiles
{
    /// <summary>The folder the files are looked for in.</summary>
    public string Folder { get; } = folder ?? throw new ArgumentNullException(nameof(folder));

    /// <inheritdoc />
    public EcgSource? Find(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        return File.Exists(path) ? EcgSource.FromFile(path) : null;
    }
}
