using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// Reads one file format into an <see cref="EcgRecord"/>, from an <see cref="EcgSource"/>: a file on disk or a stream
/// with a display name. The path members are shorthand for <see cref="EcgSource.FromFile"/>.
/// </summary>
public interface IEcgFormatReader
{
    /// <summary>A short human name for the format ("WFDB", "EDF", ...).</summary>
    string FormatName { get; }

    /// <summary>
    /// Whether the source looks like this format, judged from its content (<paramref name="head"/> holds up to the
    /// first 4096 bytes) and, where the content cannot tell, its <see cref="EcgSource.Name"/> and the other files of its
    /// record.
    /// </summary>
    bool CanRead(EcgSource source, ReadOnlySpan<byte> head);

    /// <summary>Reads the source. Throws <see cref="EcgFormatException"/>, naming the source, for malformed content.</summary>
    EcgRecord Read(EcgSource source, EcgReadOptions options);

    /// <summary>Whether the file at <paramref name="path"/>, whose first bytes are <paramref name="head"/>, looks like this format.</summary>
    bool CanRead(string path, ReadOnlySpan<byte> head) => CanRead(EcgSource.FromFile(path), head);

    /// <summary>Reads the file at <paramref name="path"/>. Throws <see cref="EcgFormatException"/> for malformed content.</summary>
    EcgRecord Read(string path, EcgReadOptions options) => Read(EcgSource.FromFile(path), options);
}
