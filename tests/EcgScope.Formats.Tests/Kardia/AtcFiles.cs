using System.Buffers.Binary;
using System.Text;

namespace EcgScope.Formats.Tests.Kardia;

/// <summary>
/// Builds ATC files byte by byte from AliveCor's specification, independently of the reader: signature, version,
/// then blocks of identifier, UInt32 length, data and the UInt32 sum of the identifier, length and data bytes.
/// </summary>
internal static class AtcFiles
{
    /// <summary>A whole file: "ALIVE\0\0\0", <paramref name="version"/> and the blocks, each with its checksum.</summary>
    public static byte[] File(uint version, params (string Id, byte[] Data)[] blocks)
    {
        var bytes = new List<byte>();
        bytes.AddRange("ALIVE\0\0\0"u8.ToArray());
        bytes.AddRange(UInt32(version));
        foreach (var (id, data) in blocks)
        {
            bytes.AddRange(Block(id, data));
        }

        return [.. bytes];
    }

    /// <summary>One block with a correct checksum.</summary>
    public static byte[] Block(string id, byte[] data)
    {
        byte[] summed = [.. Encoding.Latin1.GetBytes(id), .. UInt32((uint)data.Length), .. data];
        var sum = 0u;
        foreach (var b in summed)
        {
            sum += b;
        }

        return [.. summed, .. UInt32(sum)];
    }

    /// <summary>The "fmt " block data: format, rate (Hz), resolution (nV), flags, 2 reserved bytes.</summary>
    public static byte[] Fmt(ushort rate = 300, ushort resolutionNanovolts = 500, byte flags = 0, byte format = 1) =>
        [format, .. UInt16(rate), .. UInt16(resolutionNanovolts), flags, 0, 0];

    /// <summary>An "ecg"/"avg"/"med" block's data: little-endian int16 samples.</summary>
    public static byte[] Samples(params short[] values)
    {
        var bytes = new byte[2 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), values[i]);
        }

        return bytes;
    }

    /// <summary>An "ann " block's data: tick frequency, then (tick, beat type) pairs.</summary>
    public static byte[] Annotations(uint ticksPerSecond, params (uint Tick, ushort Type)[] beats)
    {
        var bytes = new List<byte>(UInt32(ticksPerSecond));
        foreach (var (tick, type) in beats)
        {
            bytes.AddRange(UInt32(tick));
            bytes.AddRange(UInt16(type));
        }

        return [.. bytes];
    }

    /// <summary>An "info" block's 264 bytes of NUL-padded fields, in the specification's order.</summary>
    public static byte[] Info(string date, string uuid, string udid, string phone, string software, string hardware, string deviceData)
    {
        var bytes = new List<byte>();
        foreach (var (text, length) in new[] { (date, 32), (uuid, 40), (udid, 44), (phone, 32), (software, 32), (hardware, 32), (deviceData, 52) })
        {
            var field = new byte[length];
            Encoding.UTF8.GetBytes(text).CopyTo(field, 0);
            bytes.AddRange(field);
        }

        return [.. bytes];
    }

    /// <summary>The blocks of a well-formed file (identifier and data), for mutation and rebuilding.</summary>
    public static List<(string Id, byte[] Data)> Blocks(byte[] file)
    {
        var blocks = new List<(string, byte[])>();
        for (var offset = 12; offset < file.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 4));
            blocks.Add((Encoding.Latin1.GetString(file, offset, 4), file[(offset + 8)..(offset + 8 + length)]));
            offset += 12 + length;
        }

        return blocks;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }
}
