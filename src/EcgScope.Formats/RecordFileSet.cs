using System.Collections.Frozen;
using System.IO.Compression;

namespace EcgScope.Formats;

/// <summary>
/// Named files that are not in a folder on disk: the files of an upload, or the entries of a zip archive. Names are
/// paths inside the set with '/' between folders ("mitdb/100.hea"), compared exactly; a file finds the other files of
/// its record in its own folder of the set. Each file is buffered in memory when first read, once, up to a size limit
/// (<see cref="EcgSource.DefaultMaxStreamBytes"/> by default; more is refused with an EcgFormatException).
/// </summary>
/// <example>
/// <code>
/// using var zip = ZipFile.OpenRead("mitdb.zip");
/// var record = EcgFile.Read(RecordFileSet.FromZip(zip).Open("mitdb/100.hea")); // with mitdb/100.dat and 100.atr
/// </code>
/// </example>
public sealed class RecordFileSet : IEcgRecordFiles
{
    private readonly FrozenDictionary<string, Lazy<byte[]>> contents;
    private readonly string folder;

    private RecordFileSet(FrozenDictionary<string, Lazy<byte[]>> contents, string folder)
    {
        this.contents = contents;
        this.folder = folder;
    }

    /// <summary>No files: what a stream read on its own has beside it.</summary>
    public static RecordFileSet Empty { get; } = new(FrozenDictionary<string, Lazy<byte[]>>.Empty, string.Empty);

    /// <summary>The names of the files, in no particular order.</summary>
    public IEnumerable<string> Names => contents.Keys;

    /// <summary>
    /// Open streams by name (for example an upload's files), each read to its end now; the streams stay the caller's
    /// to dispose, and need not seek.
    /// </summary>
    /// <exception cref="ArgumentException">Two files have the same name.</exception>
    /// <exception cref="Core.EcgFormatException">A stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static RecordFileSet FromStreams(IEnumerable<KeyValuePair<string, Stream>> streams, long maxBytes = EcgSource.DefaultMaxStreamBytes)
    {
        ArgumentNullException.ThrowIfNull(streams);
        EcgSource.CheckLimit(maxBytes);
        return Create(streams.Select(file => (file.Key, new Lazy<byte[]>(EcgSource.Buffer(file.Value, file.Key, maxBytes)))));
    }

    /// <summary>
    /// The files of a zip archive, by their full names in it ("mitdb/100.hea"); an entry is decompressed only when a
    /// reader needs it. The archive must stay open while the set is read and, as a <see cref="ZipArchive"/> allows,
    /// be read from one thread at a time.
    /// </summary>
    /// <exception cref="ArgumentException">Two entries have the same name.</exception>
    public static RecordFileSet FromZip(ZipArchive archive, long maxBytes = EcgSource.DefaultMaxStreamBytes)
    {
        ArgumentNullException.ThrowIfNull(archive);
        EcgSource.CheckLimit(maxBytes);
        return Create(archive.Entries
            .Where(entry => entry.Name.Length > 0) // folders are entries with an empty name
            .Select(entry => (entry.FullName, new Lazy<byte[]>(() =>
            {
                using var stream = entry.Open();
                return EcgSource.Buffer(stream, entry.FullName, maxBytes, entry.Length);
            }))));
    }

    /// <summary>The file named <paramref name="name"/> in the set, to read with <see cref="EcgFile.Read(EcgSource, EcgReadOptions?)"/>.</summary>
    /// <exception cref="FileNotFoundException">No file of the set has that name.</exception>
    public EcgSource Open(string name) =>
        Find(name) ?? throw new FileNotFoundException($"{name}: no such file among the {contents.Count} given.", name);

    /// <inheritdoc />
    public EcgSource? Find(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = folder + fileName;
        return contents.TryGetValue(name, out var content)
            ? EcgSource.FromContent(name, content, new RecordFileSet(contents, name[..(name.LastIndexOf('/') + 1)]))
            : null;
    }

    private static RecordFileSet Create(IEnumerable<(string Name, Lazy<byte[]> Content)> files)
    {
        var contents = new Dictionary<string, Lazy<byte[]>>(StringComparer.Ordinal);
        foreach (var (name, content) in files)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (!contents.TryAdd(name, content))
            {
                throw new ArgumentException($"two files are named '{name}'.", nameof(files));
            }
        }

        return new RecordFileSet(contents.ToFrozenDictionary(StringComparer.Ordinal), string.Empty);
    }
}
