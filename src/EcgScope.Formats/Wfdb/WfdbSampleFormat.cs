using System.Buffers.Binary;

namespace EcgScope.Formats.Wfdb;

/// <summary>
/// The WFDB signal file formats this library decodes and encodes, as specified by the WFDB library's
/// <c>signal(5)</c> man page (https://physionet.org/physiotools/wag/signal-5.htm). Samples are stored in frame
/// order: every signal of a file contributes its samples of frame 0, then frame 1, and so on.
/// </summary>
public static class WfdbSampleFormat
{
    /// <summary>The formats <see cref="Decode"/> reads.</summary>
    public static IReadOnlyList<int> Readable { get; } = [8, 16, 61, 80, 212, 310, 311];

    /// <summary>The formats <see cref="Encode"/> writes.</summary>
    public static IReadOnlyList<int> Writable { get; } = [16, 61, 80, 212];

    /// <summary>Whether <see cref="Decode"/> supports <paramref name="format"/>.</summary>
    public static bool CanRead(int format) => Readable.Contains(format);

    /// <summary>
    /// The stored value WFDB reserves for "no sample" in <paramref name="format"/> (the most negative value), or null
    /// for format 8, which stores differences.
    /// </summary>
    public static int? InvalidValue(int format) => format switch
    {
        16 or 61 => short.MinValue,
        80 => sbyte.MinValue,
        212 => -2048,
        310 or 311 => -512,
        _ => null,
    };

    /// <summary>The smallest and largest storable sample value, invalid value excluded.</summary>
    public static (int Min, int Max) ValidRange(int format) => format switch
    {
        16 or 61 => (short.MinValue + 1, short.MaxValue),
        80 or 8 => (sbyte.MinValue + 1, sbyte.MaxValue),
        212 => (-2047, 2047),
        310 or 311 => (-511, 511),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported WFDB format."),
    };

    /// <summary>Bytes needed to store <paramref name="sampleCount"/> consecutive samples.</summary>
    public static long ByteCount(int format, long sampleCount) => format switch
    {
        8 or 80 => sampleCount,
        16 or 61 => 2 * sampleCount,
        212 => 3 * (sampleCount / 2) + (sampleCount % 2 == 1 ? 2 : 0),
        310 or 311 => 4 * ((sampleCount + 2) / 3),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported WFDB format."),
    };

    /// <summary>How many whole samples <paramref name="byteCount"/> bytes hold.</summary>
    public static long SampleCapacity(int format, long byteCount) => format switch
    {
        8 or 80 => byteCount,
        16 or 61 => byteCount / 2,
        212 => 2 * (byteCount / 3) + (byteCount % 3 == 2 ? 1 : 0),
        310 or 311 => 3 * (byteCount / 4),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported WFDB format."),
    };

    /// <summary>
    /// Decodes <c>samples.Length</c> stored values from <paramref name="data"/>, which must hold at least
    /// <see cref="ByteCount"/> bytes. Format 8 yields the stored first differences; the caller integrates them.
    /// </summary>
    public static void Decode(int format, ReadOnlySpan<byte> data, Span<int> samples)
    {
        if (data.Length < ByteCount(format, samples.Length))
        {
            throw new ArgumentException("Not enough data for the requested samples.", nameof(data));
        }

        switch (format)
        {
            case 8:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (sbyte)data[i];
                }

                break;
            case 80:
                // Offset binary: the byte minus 128.
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = data[i] - 128;
                }

                break;
            case 16:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
                }

                break;
            case 61:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16BigEndian(data[(2 * i)..]);
                }

                break;
            case 212:
                Decode212(data, samples);
                break;
            case 310:
                Decode310(data, samples);
                break;
            case 311:
                Decode311(data, samples);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported WFDB format.");
        }
    }

    /// <summary>
    /// Encodes <paramref name="samples"/> into <paramref name="data"/> (which must hold <see cref="ByteCount"/> bytes).
    /// Values must lie in <see cref="ValidRange"/> or be <see cref="InvalidValue"/>.
    /// </summary>
    public static void Encode(int format, ReadOnlySpan<int> samples, Span<byte> data)
    {
        if (data.Length < ByteCount(format, samples.Length))
        {
            throw new ArgumentException("The buffer is too small for the samples.", nameof(data));
        }

        switch (format)
        {
            case 80:
                for (var i = 0; i < samples.Length; i++)
                {
                    data[i] = (byte)(samples[i] + 128);
                }

                break;
            case 16:
                for (var i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(data[(2 * i)..], (short)samples[i]);
                }

                break;
            case 61:
                for (var i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteInt16BigEndian(data[(2 * i)..], (short)samples[i]);
                }

                break;
            case 212:
                Encode212(samples, data);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "WFDB format not writable.");
        }
    }

    // Format 212: two 12-bit two's-complement samples in 3 bytes. Byte 0 is the low 8 bits of the first sample, the low
    // nibble of byte 1 its high 4 bits; the high nibble of byte 1 holds the high 4 bits of the second sample, byte 2
    // its low 8 bits. An odd last sample takes 2 bytes.
    private static void Decode212(ReadOnlySpan<byte> data, Span<int> samples)
    {
        var pairs = samples.Length / 2;
        for (var p = 0; p < pairs; p++)
        {
            var b0 = data[3 * p];
            var b1 = data[(3 * p) + 1];
            var b2 = data[(3 * p) + 2];
            samples[2 * p] = SignExtend12(((b1 & 0x0F) << 8) | b0);
            samples[(2 * p) + 1] = SignExtend12(((b1 & 0xF0) << 4) | b2);
        }

        if (samples.Length % 2 == 1)
        {
            samples[^1] = SignExtend12(((data[(3 * pairs) + 1] & 0x0F) << 8) | data[3 * pairs]);
        }
    }

    private static void Encode212(ReadOnlySpan<int> samples, Span<byte> data)
    {
        var pairs = samples.Length / 2;
        for (var p = 0; p < pairs; p++)
        {
            var first = samples[2 * p];
            var second = samples[(2 * p) + 1];
            data[3 * p] = (byte)first;
            data[(3 * p) + 1] = (byte)(((first >> 8) & 0x0F) | ((second >> 4) & 0xF0));
            data[(3 * p) + 2] = (byte)second;
        }

        if (samples.Length % 2 == 1)
        {
            data[3 * pairs] = (byte)samples[^1];
            data[(3 * pairs) + 1] = (byte)((samples[^1] >> 8) & 0x0F);
        }
    }

    // Format 310: three 10-bit samples in two little-endian 16-bit words. The first and second samples are bits 1-10 of
    // the first and second word (bit 0 unused); the third is bits 11-15 of the first word (its low 5 bits) and of the
    // second word (its high 5 bits).
    private static void Decode310(ReadOnlySpan<byte> data, Span<int> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var group = data[(4 * (i / 3))..];
            int first = BinaryPrimitives.ReadUInt16LittleEndian(group), second = BinaryPrimitives.ReadUInt16LittleEndian(group[2..]);
            var bits = (i % 3) switch
            {
                0 => (first >> 1) & 0x3FF,
                1 => (second >> 1) & 0x3FF,
                _ => ((first >> 11) & 0x1F) | (((second >> 11) & 0x1F) << 5),
            };
            samples[i] = (bits << 22) >> 22;
        }
    }

    // Format 311: three 10-bit two's-complement samples in a little-endian 32-bit word, bits 0-9, 10-19 and 20-29.
    private static void Decode311(ReadOnlySpan<byte> data, Span<int> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var word = BinaryPrimitives.ReadUInt32LittleEndian(data[(4 * (i / 3))..]);
            var bits = (int)(word >> (10 * (i % 3))) & 0x3FF;
            samples[i] = (bits << 22) >> 22;
        }
    }

    private static int SignExtend12(int value) => (value << 20) >> 20;
}
