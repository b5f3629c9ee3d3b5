using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// Reads one file format into an <see cref="EcgRecord"/>, from a path or from an <see cref="EcgSource"/> (a file, or
/// a stream with a display name). Every built-in reader derives from <see cref="EcgFormatReader"/>, which reads paths
/// as file sources; a reader that implements only the path members reads file sources and refuses streams.
/// </summary>
public interface IEcgFormatReader
{
    /// <summary>A short human name for the format ("WFDB", "EDF", ...).</summary>
    string FormatName { get; }

    /// <summary>
    /// Whether the file looks like this format, judged from its content (<paramref name="head"/> holds up to the
    /// first 4096 bytes) and, where the content cannot tell, its name.
    /// </summary>
    bool CanRead(string path, ReadOnlySpan<byte> head);

    /// <summary>Reads the file. Throws <see cref="EcgFormatException"/> for malformed content.</summary>
    EcgRecord Read(string path, EcgReadOptions options);

    /// <summary>
    /// Whether the source looks like this format, judged from its content (<paramref name="head"/> holds up to the
    /// first 4096 bytes) and, where the content cannot tell, its <see cref="EcgSource.Name"/> and the other files of its
    /// record. By default, <see cref="CanRead(string, ReadOnlySpan{byte})"/> with the source's name.
    /// </summary>
    bool CanRead(EcgSource source, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(source);
        return CanRead(source.Name, head);
    }

    /// <summary>
    /// Reads the source. Throws <see cref="EcgFormatException"/>, naming the source, for malformed content. By default,
    /// <see cref="Read(string, EcgReadOptions)"/> for a file, and <see cref="NotSupportedException"/> for a stream.
    /// </summary>
    EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.FilePath is { } path
            ? Read(path, options)
            : throw new NotSupportedException($"the {FormatName} reader reads files only, not a stream such as '{source.Name}'.");
    }
}
