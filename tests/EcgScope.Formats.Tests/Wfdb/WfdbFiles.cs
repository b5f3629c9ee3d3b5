using System.Buffers.Binary;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>Builds small WFDB records byte by byte, independently of the library's writer.</summary>
internal static class WfdbFiles
{
    /// <summary>Writes "rec.hea" with <paramref name="header"/> and the given data files into a fresh folder.</summary>
    public static string Record(string header, params (string Name, byte[] Bytes)[] files)
    {
        var folder = TestData.TempFolder();
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        var path = Path.Combine(folder, "rec.hea");
        File.WriteAllText(path, header);
        return path;
    }

    public static byte[] Int16LittleEndian(params int[] samples)
    {
        var bytes = new byte[2 * samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), (short)samples[i]);
        }

        return bytes;
    }

    // Packs pairs by hand as signal(5) describes format 212.
    public static byte[] Format212(params int[] samples)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < samples.Length; i += 2)
        {
            var first = samples[i] & 0xFFF;
            bytes.Add((byte)(first & 0xFF));
            if (i + 1 == samples.Length)
            {
                bytes.Add((byte)(first >> 8));
                break;
            }

            var second = samples[i + 1] & 0xFFF;
            bytes.Add((byte)((first >> 8) | ((second >> 8) << 4)));
            bytes.Add((byte)(second & 0xFF));
        }

        return [.. bytes];
    }

    public static int Checksum(params int[] samples) => (short)samples.Sum();
}
