using System.Buffers;
using System.Globalization;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>
/// One file to read, from disk or from a stream: its name (in error messages, and for the extension where the content
/// cannot tell the format), its content, and the other files of its record (<see cref="Files"/>), where a WFDB header
/// finds its signal and annotation files and a MATLAB file its header.
/// </summary>
/// <remarks>
/// A stream is read to its end into memory once, so that readers may seek and know its length; streams that cannot
/// seek (a network upload, a zip entry, a decompressor) work the same. At most <see cref="DefaultMaxStreamBytes"/> are
/// buffered unless another limit is given; a longer stream is refused with an <see cref="EcgFormatException"/>. A file
/// is opened from disk each time it is read, never buffered whole unless its reader needs all of it.
/// </remarks>
public sealed class EcgSource
{
    /// <summary>
    /// The most bytes a stream is buffered by default: 256 MiB, more than a day of 2-lead ECG at 500 Hz in 16-bit
    /// binary (173 MB); the same day as CSV text is several times larger and needs a larger limit, or a file.
    /// </summary>
    public const long DefaultMaxStreamBytes = 256L << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly string? path;
    private readonly Lazy<byte[]>? content;

    private EcgSource(string name, string? path, Lazy<byte[]>? content, IEcgRecordFiles files)
    {
        Name = name;
        this.path = path;
        this.content = content;
        Files = files;
    }

    /// <summary>The file's path, or the name given for a stream (an upload's file name, an archive entry's path).</summary>
    public string Name { get; }

    /// <summary>The path of a file source; null for a stream.</summary>
    public string? FilePath => path;

    /// <summary>The other files of the record: the file's folder for a path, the given set for a stream.</summary>
    public IEcgRecordFiles Files { get; }

    /// <summary>The file at <paramref name="path"/>; the other files of its record are the files beside it.</summary>
    /// <remarks>Nothing is opened yet: a missing file gives <see cref="FileNotFoundException"/> when it is read.</remarks>
    public static EcgSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new EcgSource(path, path, null, new FolderRecordFiles(Path.GetDirectoryName(path) ?? string.Empty));
    }

    /// <summary>
    /// The content of <paramref name="stream"/> from its current position to its end, read now (the stream may be
    /// disposed afterwards), named <paramref name="name"/> in errors.
    /// </summary>
    /// <param name="stream">Any readable stream; it need not seek.</param>
    /// <param name="name">The display name, such as the upload's file name; its extension counts as a file's does.</param>
    /// <param name="files">The other files of the record, if any (for a WFDB header, its signal files).</param>
    /// <param name="maxBytes">The most bytes read, at most <see cref="Array.MaxLength"/>; more is refused.</param>
    /// <exception cref="EcgFormatException">The stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static EcgSource FromStream(Stream stream, string name, IEcgRecordFiles? files = null, long maxBytes = DefaultMaxStreamBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        CheckLimit(maxBytes);
        var bytes = Buffer(stream, name, maxBytes);
        return new EcgSource(name, null, new Lazy<byte[]>(bytes), files ?? RecordFileSet.Empty);
    }

    /// <summary>Content buffered (or to be buffered, once) by <see cref="RecordFileSet"/>.</summary>
    internal static EcgSource FromContent(string name, Lazy<byte[]> content, IEcgRecordFiles files) => new(name, null, content, files);

    /// <summary>A new readable, seekable stream over the whole content; the caller disposes it.</summary>
    /// <exception cref="FileNotFoundException">A file source whose file does not exist.</exception>
    public Stream OpenRead() => path is not null
        ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1)
        : new MemoryStream(content!.Value, writable: false);

    /// <summary>The whole content.</summary>
    /// <exception cref="FileNotFoundException">A file source whose file does not exist.</exception>
    public ReadOnlyMemory<byte> ReadAllBytes() => path is not null ? File.ReadAllBytes(path) : content!.Value;

    /// <summary>
    /// The content as UTF-8 text (a byte order mark, also UTF-16's or UTF-32's, decides the encoding when present, as
    /// <see cref="File.ReadAllText(string, Encoding)"/> does); invalid bytes become U+FFFD, which no parser accepts.
    /// </summary>
    public string ReadAllText()
    {
        // 4 kB reads, as File.ReadAllText makes: the file stream itself is unbuffered.
        using var reader = new StreamReader(OpenRead(), Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096);
        return reader.ReadToEnd();
    }

    /// <summary>Fills <paramref name="head"/> with the first bytes of the content; returns how many there were.</summary>
    public int ReadHead(Span<byte> head)
    {
        using var stream = OpenRead();
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
    }

    /// <summary>Throws unless <paramref name="maxBytes"/> is a size one array can have.</summary>
    internal static void CheckLimit(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Array.MaxLength);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, refusing more than <paramref name="maxBytes"/> bytes. When the length
    /// is known (a seekable stream, a zip entry's <paramref name="expectedLength"/>), the bytes are read into one array
    /// of that size; a stream that then holds more or less than it said is still read whole.
    /// </summary>
    internal static byte[] Buffer(Stream stream, string name, long maxBytes, long? expectedLength = null)
    {
        var known = expectedLength ?? (stream.CanSeek ? stream.Length - stream.Position : null);
        if (known > maxBytes)
        {
            throw TooLong(name, maxBytes);
        }

        var bytes = new byte[known ?? 0];
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
        {
            return bytes[..read];
        }

        var chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            read = stream.Read(chunk);
            if (read == 0)
            {
                return bytes; // the usual case when the length was known: nothing more
            }

            using var memory = new MemoryStream();
            memory.Write(bytes);
            do
            {
                if (memory.Length + read > maxBytes)
                {
                    throw TooLong(name, maxBytes);
                }

                memory.Write(chunk, 0, read);
            }
            while ((read = stream.Read(chunk)) > 0);
            return memory.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static EcgFormatException TooLong(string name, long maxBytes) => new(name, string.Create(CultureInfo.InvariantCulture,
        $"the stream holds more than {maxBytes} bytes ({maxBytes / (1024.0 * 1024):0.#} MiB), the most read from a stream; give a larger limit to EcgSource.FromStream, or read the file from disk"),
        byteOffset: maxBytes);
}
