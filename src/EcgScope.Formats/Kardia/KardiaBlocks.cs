using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats.Kardia;

/// <summary>One block of an ATC file: its 4-character identifier and where its data lie in the file.</summary>
/// <param name="Id">The identifier, for example "ecg " or "info" (non-printable bytes as <c>\xNN</c>).</param>
/// <param name="Offset">Byte offset of the block (its identifier) in the file.</param>
/// <param name="DataOffset">Byte offset of the block's data.</param>
/// <param name="Length">Length of the data in bytes.</param>
internal readonly record struct KardiaBlock(string Id, int Offset, int DataOffset, int Length);

/// <summary>
/// Splits an ATC file into its blocks (AliveCor's "ATC File Format Specification 1.7"): the 8-byte signature
/// <c>ALIVE\0\0\0</c>, a 4-byte version, then blocks of identifier (4 bytes), data length (UInt32), data and checksum
/// (UInt32), all little-endian.
/// </summary>
/// <remarks>
/// The specification calls the checksum "the CRC32 sum of all bytes in the block"; every genuine file checked (the
/// five AliveCor test files, versions 2 to 4) instead stores the plain sum of the bytes of identifier, length and data,
/// modulo 2^32 (a "cyclic sum", as the block table says). That sum is verified for every block.
/// </remarks>
internal static class KardiaBlocks
{
    /// <summary>The file signature.</summary>
    public static ReadOnlySpan<byte> Signature => "ALIVE\0\0\0"u8;

    private const int FileHeaderLength = 12;
    private const int BlockHeaderLength = 8;
    private const int ChecksumLength = 4;

    /// <summary>The file's format version (2 for specification 1.4 and older, 3 for 1.5, 4 for 1.6, 5 for 1.7).</summary>
    public static uint Version(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32LittleEndian(data[Signature.Length..]);

    /// <summary>Every block of <paramref name="data"/>, in file order, each with its checksum verified.</summary>
    /// <exception cref="EcgFormatException">No signature, a cut-off block, or a checksum that does not match.</exception>
    public static List<KardiaBlock> Read(ReadOnlySpan<byte> data, string source)
    {
        if (data.Length < FileHeaderLength || !data.StartsWith(Signature))
        {
            throw new EcgFormatException(source, "not a Kardia ATC file: it does not start with the 12-byte header \"ALIVE\\0\\0\\0\" + version", byteOffset: 0);
        }

        var blocks = new List<KardiaBlock>();
        var offset = FileHeaderLength;
        while (offset < data.Length)
        {
            var left = data.Length - offset;
            if (left < BlockHeaderLength + ChecksumLength)
            {
                throw new EcgFormatException(source, string.Create(
                    CultureInfo.InvariantCulture, $"the file ends inside a block header: {left} bytes left, a block needs at least 12"), byteOffset: offset);
            }

            var id = Identifier(data.Slice(offset, 4));
            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[(offset + 4)..]);
            if (length > (uint)(left - BlockHeaderLength - ChecksumLength))
            {
                throw new EcgFormatException(source, string.Create(CultureInfo.InvariantCulture,
                    $"block '{id}' declares {length} bytes of data but only {left - BlockHeaderLength - ChecksumLength} remain before its checksum would end the file"),
                    byteOffset: offset + 4);
            }

            var block = new KardiaBlock(id, offset, offset + BlockHeaderLength, (int)length);
            VerifyChecksum(data, block, source);
            blocks.Add(block);
            offset = block.DataOffset + block.Length + ChecksumLength;
        }

        return blocks;
    }

    private static void VerifyChecksum(ReadOnlySpan<byte> data, KardiaBlock block, string source)
    {
        var summed = data.Slice(block.Offset, BlockHeaderLength + block.Length);
        uint sum = 0;
        foreach (var value in summed)
        {
            sum += value;
        }

        var checksumOffset = block.DataOffset + block.Length;
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(data[checksumOffset..]);
        if (stored != sum)
        {
            throw new EcgFormatException(source, string.Create(CultureInfo.InvariantCulture,
                $"block '{block.Id}' is damaged: the checksum stored at byte {checksumOffset} is {stored}, the sum of the block's {summed.Length} bytes is {sum}"),
                byteOffset: block.Offset);
        }
    }

    private static string Identifier(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(4);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return text.ToString();
    }
}
