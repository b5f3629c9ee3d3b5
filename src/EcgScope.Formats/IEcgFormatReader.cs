using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>Reads one file format into an <see cref="EcgRecord"/>.</summary>
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
}
