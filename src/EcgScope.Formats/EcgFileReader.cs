using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// Reads an ECG file or stream with the first of its <see cref="Readers"/> that recognises the content. Immutable:
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
    public EcgRecord Read(string path, EcgReadOptions? options = null) => Read(FileSource(path), options);

    /// <summary>
    /// Reads <paramref name="stream"/> (from its position to its end; it need not seek) with the first reader that
    /// recognises its content, as <see cref="Read(string, EcgReadOptions?)"/> reads a file. Errors name
    /// <paramref name="name"/>, such as an upload's file name, whose extension counts as a file's does. At most
    /// <see cref="EcgSource.DefaultMaxStreamBytes"/> are read; for another limit, or a WFDB record's several files,
    /// read an <see cref="EcgSource"/>.
    /// </summary>
    /// <exception cref="EcgFormatException">The content is not a supported format, is malformed, or is longer than the limit.</exception>
    public EcgRecord Read(Stream stream, string name, EcgReadOptions? options = null) => Read(EcgSource.FromStream(stream, name), options);

    /// <summary>Reads <paramref name="source"/> with the first reader that recognises it.</summary>
    /// <exception cref="EcgFormatException">The content is not a supported format, or is malformed.</exception>
    public EcgRecord Read(EcgSource source, EcgReadOptions? options = null) => Detect(source).Read(source, options ?? EcgReadOptions.Default);

    /// <summary>The reader that recognises <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">No reader recognises the file; the message names the formats tried.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a folder.</exception>
    public IEcgFormatReader Detect(string path) => Detect(FileSource(path));

    /// <summary>The reader that recognises <paramref name="source"/>.</summary>
    /// <exception cref="EcgFormatException">No reader recognises the content; the message names the formats tried.</exception>
    public IEcgFormatReader Detect(EcgSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> head = stackalloc byte[HeadLength];
        var content = head[..source.ReadHead(head)];
        foreach (var reader in Readers)
        {
            if (reader.CanRead(source, content))
            {
                return reader;
            }
        }

        var formats = string.Join(", ", Readers.Select(reader => reader.FormatName));
        var hint = content.StartsWith("%PDF-"u8)
            ? " It is a PDF: Apple Health ECG PDFs are read by EcgScope.Formats.Pdf (EcgFile.BuiltIn.With(new AppleEcgPdfReader()))."
            : string.Empty;
        throw new EcgFormatException(source.Name, $"not a supported ECG format (tried: {formats}).{hint}");
    }

    private static EcgSource FileSource(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path} is a folder, not a file.", path);
        }

        return File.Exists(path) ? EcgSource.FromFile(path) : throw new FileNotFoundException($"{path}: no such file.", path);
    }
}
