using System.IO.Compression;
using System.Runtime.InteropServices;
using EcgScope.Core;

namespace EcgScope.Formats.Pdf;

/// <summary>
/// Refuses a PDF whose compressed streams expand beyond a budget before PdfPig sees it: PdfPig inflates a stream whole,
/// so a 2 MB file whose page stream expands to 1 GB took it two minutes and 9 GB of memory. Every <c>stream</c> in the
/// file is inflated here (Flate, the only filter Apple's exports use for content) into a counting sink that stops at
/// the budget; a stream that is not Flate data inflates to nothing and costs nothing.
/// </summary>
internal static class PdfStreamBudget
{
    /// <summary>
    /// The most bytes all streams together may expand to: Apple's one-page exports expand to well under 1 MiB, so
    /// 64 MiB leaves room for any genuine export while a bomb is stopped in a fraction of a second.
    /// </summary>
    public const long MaximumExpandedBytes = 64L << 20;

    private static ReadOnlySpan<byte> StreamKeyword => "stream"u8;

    /// <summary>Throws when the streams of <paramref name="pdf"/> expand to more than <paramref name="budget"/> bytes.</summary>
    /// <exception cref="EcgFormatException">They do: the message names the byte offset of the stream that crossed the budget.</exception>
    public static void Check(ReadOnlyMemory<byte> pdf, string name, long budget = MaximumExpandedBytes)
    {
        var span = pdf.Span;
        long expanded = 0;
        var offset = 0;
        while (offset < span.Length && span[offset..].IndexOf(StreamKeyword) is var found and >= 0)
        {
            var start = offset + found + StreamKeyword.Length;
            offset = start;

            // "endstream" also contains "stream"; only the keyword followed by an end of line opens data.
            if (start >= 9 && span[(start - 9)..start].SequenceEqual("endstream"u8))
            {
                continue;
            }

            var dataStart = start < span.Length && span[start] == '\r' ? start + 1 : start;
            if (dataStart >= span.Length || span[dataStart] != '\n')
            {
                continue;
            }

            expanded += Inflated(pdf[(dataStart + 1)..], budget - expanded + 1);
            if (expanded > budget)
            {
                throw new EcgFormatException(
                    name, $"a compressed stream expands to more than the {budget >> 20} MiB an ECG export could need; the file was refused before reading.", byteOffset: dataStart + 1);
            }
        }
    }

    /// <summary>The bytes the zlib data at the start of <paramref name="data"/> inflates to, counted up to <paramref name="limit"/>.</summary>
    private static long Inflated(ReadOnlyMemory<byte> data, long limit)
    {
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            var segment = MemoryMarshal.TryGetArray(data, out var array) ? array : new ArraySegment<byte>(data.ToArray());
            using var inflater = new ZLibStream(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false), CompressionMode.Decompress);
            int read;
            while (total < limit && (read = inflater.Read(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Not zlib data (an uncompressed or otherwise encoded stream), or data cut short: what inflated is counted.
        }

        return total;
    }
}
