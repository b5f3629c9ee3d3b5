using System.Buffers.Binary;

namespace EcgScope.Imaging.Digitizing;

/// <summary>Reads an image's size from its header, before decoding it, so that a huge image can be refused cheaply.</summary>
internal static class ImageHeader
{
    /// <summary>Whether the bytes start like a PNG file.</summary>
    public static bool IsPng(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>Whether the bytes start like a JPEG file (start-of-image marker, then another marker).</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;

    /// <summary>The width and height a PNG or JPEG header declares, or null when it cannot tell.</summary>
    public static (int Width, int Height)? Size(ReadOnlySpan<byte> bytes)
    {
        if (IsPng(bytes) && bytes.Length >= 24)
        {
            // The first chunk is IHDR: width and height as big-endian 32-bit numbers at bytes 16 and 20.
            return ((int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(bytes[16..])), (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(bytes[20..])));
        }

        return IsJpeg(bytes) ? JpegSize(bytes) : null;
    }

    /// <summary>The size in the first start-of-frame segment (SOF0 … SOF15 except DHT, JPG and DAC).</summary>
    private static (int Width, int Height)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var offset = 2;
        while (offset + 9 <= bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                return null;
            }

            var marker = bytes[offset + 1];
            if (marker == 0xFF)
            {
                offset++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]));
            }

            offset += 2 + length;
        }

        return null;
    }
}
