using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// Reads an ECG file with the first of its <see cref="Readers"/> that recognises the file's content. Immutable:
/// <see cref="With"/> makes a new one. <see cref="EcgFile.BuiltIn"/> holds the readers of this assembly; formats in
/// other assemblies are added with it, e.g. <c>EcgFile.BuiltIn.With(new AppleEcgPdfReader())</c>.
/// </summary>
public sealed class EcgFileReader
{
    private const int HeadLength = 4096;

    /// <summary>A reader that asks <paramref name="readers"/> in the given order.</summary>
    public EcgFileReader(IEnumerable<IEcgFormatReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        Readers = [.. readers];
    }

    /// <summary>The readers in the order they are asked; a generic reader must come after the formats it could mistake.</summary>
    public ImmutableArray<IEcgFormatReader> Readers { get; }

    /// <summary>
    /// A new reader that asks <paramref name="readers"/> first, then these <see cref="Readers"/>: added formats are
    /// specific ones, and must not be taken by a generic reader (CSV) at the end of the built-in list.
    /// </summary>
    public EcgFileReader With(params IEnumerable<IEcgFormatReader> readers) => new([.. readers, .. Readers]);

    /// <summary>Reads <paramref name="path"/> with the first reader that recognises it.</summary>
    /// <exception cref="EcgFormatException">The file is not a supported format, or is malformed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a folder.</exception>
    public EcgRecord Read(string path, EcgReadOptions? options = null) =>
        Detect(path).Read(path, options ?? EcgReadOptions.Default);

    /// <summary>The reader that recognises <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">No reader recognises the file; the message names the formats tried.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a folder.</exception>
    public IEcgFormatReader Detect(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path} is a folder, not a file.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        Span<byte> head = stackalloc byte[HeadLength];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        }

        var content = head[..length];
        foreach (var reader in Readers)
        {
            if (reader.CanRead(path, content))
            {
                return reader;
            }
        }

        var formats = string.Join(", ", Readers.Select(reader => reader.FormatName));
        var hint = content.StartsWith("%PDF-"u8)
            ? " It is a PDF: Apple Health ECG PDFs are read by EcgScope.Formats.Pdf (EcgFile.BuiltIn.With(new AppleEcgPdfReader()))."
            : string.Empty;
        throw new EcgFormatException(path, $"not a supported ECG format (tried: {formats}).{hint}");
    }
}
