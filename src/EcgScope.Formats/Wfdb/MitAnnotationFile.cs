using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats.Wfdb;

/// <summary>
/// Reads and writes MIT-format annotation files (<c>.atr</c> and any other annotator extension), as specified by the
/// WFDB library's <c>annot(5)</c> man page (https://physionet.org/physiotools/wag/annot-5.htm).
/// </summary>
/// <remarks>
/// The file is a stream of little-endian 16-bit words, each a 6-bit code A (high bits) and a 10-bit value I. A code
/// from 1 to 49 (or 0 with I &gt; 0) is an annotation I samples after the previous one. Pseudo-codes follow the
/// annotation they modify: SUB (61) sets its sub-type, CHN (62) and NUM (60) set the channel and number of it and all
/// later annotations, AUX (63) is followed by I bytes of text padded to an even length. SKIP (59) precedes an
/// annotation and adds the signed 32-bit interval in the next two words (high word first). A zero word ends the file.
/// </remarks>
public static class MitAnnotationFile
{
    private const int Skip = 59;
    private const int Num = 60;
    private const int Sub = 61;
    private const int Chn = 62;
    private const int Aux = 63;
    private const int MaxInterval = 0x3FF;

    /// <summary>Reads the annotation file at <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">The file is malformed (the message gives the byte offset).</exception>
    public static ImmutableArray<Annotation> Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Decodes an annotation file's bytes; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EcgFormatException">The data is malformed (the message gives the byte offset).</exception>
    public static ImmutableArray<Annotation> Read(ReadOnlySpan<byte> data, string source)
    {
        var annotations = ImmutableArray.CreateBuilder<Annotation>();
        long time = 0;
        int channel = 0, number = 0;
        var offset = 0;
        while (true)
        {
            if (offset + 2 > data.Length)
            {
                throw new EcgFormatException(source, "the annotation file ends without its end-of-file (zero) word", byteOffset: offset);
            }

            var word = BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
            var wordOffset = offset;
            offset += 2;
            var code = word >> 10;
            var value = word & MaxInterval;
            switch (code)
            {
                case 0 when value == 0:
                    return annotations.DrainToImmutable();
                case Skip:
                    if (offset + 4 > data.Length)
                    {
                        throw new EcgFormatException(source, "SKIP is cut off before its 32-bit interval", byteOffset: wordOffset);
                    }

                    var high = BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
                    var low = BinaryPrimitives.ReadUInt16LittleEndian(data[(offset + 2)..]);
                    time += (int)(((uint)high << 16) | low);
                    offset += 4;
                    break;
                case Num:
                    // NUM and CHN apply to the annotation they follow and to all later ones.
                    number = value;
                    if (annotations.Count > 0)
                    {
                        annotations[^1] = annotations[^1] with { Number = value };
                    }

                    break;
                case Chn:
                    channel = value;
                    if (annotations.Count > 0)
                    {
                        annotations[^1] = annotations[^1] with { Channel = value };
                    }

                    break;
                case Sub:
                    RequireAnnotation(annotations, source, wordOffset, "SUB");
                    annotations[^1] = annotations[^1] with { SubType = value };
                    break;
                case Aux:
                    RequireAnnotation(annotations, source, wordOffset, "AUX");
                    if (offset + value > data.Length)
                    {
                        throw new EcgFormatException(source, $"AUX text of {value} bytes runs past the end of the file", byteOffset: wordOffset);
                    }

                    var text = Encoding.Latin1.GetString(data.Slice(offset, value)).TrimEnd('\0');
                    annotations[^1] = annotations[^1] with { AuxNote = text };
                    offset += value + (value & 1);
                    break;
                case > AnnotationCodes.MaxCode:
                    throw new EcgFormatException(source, $"annotation code {code} is neither an annotation nor a known pseudo-code", byteOffset: wordOffset);
                default:
                    time += value;
                    if (time is < 0 or > int.MaxValue)
                    {
                        throw new EcgFormatException(source, $"annotation time {time} is outside the record", byteOffset: wordOffset);
                    }

                    annotations.Add(new Annotation((int)time, (AnnotationCode)code, Channel: channel, Number: number));
                    break;
            }
        }
    }

    /// <summary>Writes <paramref name="annotations"/> (ordered by sample index) as an MIT-format file.</summary>
    public static void Write(string path, IReadOnlyList<Annotation> annotations) => File.WriteAllBytes(path, Encode(annotations));

    /// <summary>Encodes <paramref name="annotations"/> (ordered by sample index) in MIT format.</summary>
    /// <exception cref="ArgumentException">An annotation cannot be stored in MIT format.</exception>
    public static byte[] Encode(IReadOnlyList<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        using var stream = new MemoryStream();
        long time = 0;
        int channel = 0, number = 0;
        foreach (var annotation in annotations)
        {
            Validate(annotation);
            var interval = annotation.SampleIndex - time;
            if (interval < 0)
            {
                throw new ArgumentException($"Annotations must be ordered by sample index ({annotation.SampleIndex} follows {time}).", nameof(annotations));
            }

            if (annotation.Code == AnnotationCode.NotQrs)
            {
                // A code-0 word with interval 0 is the end-of-file word. As WFDB's putann does, SKIP to the sample
                // before the annotation (interval - 1, which may be -1) and write the word with interval 1.
                WriteSkip(stream, interval - 1);
                interval = 1;
            }
            else if (interval > MaxInterval)
            {
                WriteSkip(stream, interval);
                interval = 0;
            }

            WriteWord(stream, (int)annotation.Code, (int)interval);
            time = annotation.SampleIndex;
            WriteModifiers(stream, annotation, ref channel, ref number);
        }

        WriteWord(stream, 0, 0);
        return stream.ToArray();
    }

    private static void WriteModifiers(Stream stream, Annotation annotation, ref int channel, ref int number)
    {
        if (annotation.SubType != 0)
        {
            WriteWord(stream, Sub, annotation.SubType);
        }

        if (annotation.Channel != channel)
        {
            WriteWord(stream, Chn, annotation.Channel);
            channel = annotation.Channel;
        }

        if (annotation.Number != number)
        {
            WriteWord(stream, Num, annotation.Number);
            number = annotation.Number;
        }

        if (!string.IsNullOrEmpty(annotation.AuxNote))
        {
            var text = Encoding.Latin1.GetBytes(annotation.AuxNote);
            WriteWord(stream, Aux, text.Length);
            stream.Write(text);
            if (text.Length % 2 == 1)
            {
                stream.WriteByte(0);
            }
        }
    }

    private static void Validate(Annotation annotation)
    {
        if ((int)annotation.Code is < 0 or > AnnotationCodes.MaxCode)
        {
            throw new ArgumentException($"Code {(int)annotation.Code} is not storable in MIT format (0 to 49).", nameof(annotation));
        }

        if (annotation.SampleIndex < 0)
        {
            throw new ArgumentException($"Sample index {annotation.SampleIndex} is negative.", nameof(annotation));
        }

        RequireTenBits(annotation.SubType, "SubType");
        RequireTenBits(annotation.Channel, "Channel");
        RequireTenBits(annotation.Number, "Number");

        if (annotation.AuxNote is { } aux && (aux.Length > 255 || aux.Any(c => c > 0xFF) || aux.Contains('\0', StringComparison.Ordinal)))
        {
            throw new ArgumentException("An AUX note must be at most 255 Latin-1 characters without NUL.", nameof(annotation));
        }
    }

    private static void RequireTenBits(int value, string field)
    {
        if (value is < 0 or > MaxInterval)
        {
            throw new ArgumentException($"{field} {value} does not fit MIT format's 10 bits (0 to 1023).", nameof(value));
        }
    }

    private static void RequireAnnotation(ImmutableArray<Annotation>.Builder annotations, string source, int offset, string what)
    {
        if (annotations.Count == 0)
        {
            throw new EcgFormatException(source, $"{what} appears before any annotation", byteOffset: offset);
        }
    }

    // SKIP is followed by the signed 32-bit interval, high 16 bits first (annot(5)).
    private static void WriteSkip(Stream stream, long interval)
    {
        WriteWord(stream, Skip, 0);
        WriteUInt16(stream, (ushort)(interval >> 16));
        WriteUInt16(stream, (ushort)interval);
    }

    private static void WriteWord(Stream stream, int code, int value) => WriteUInt16(stream, (ushort)((code << 10) | value));

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> word = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(word, value);
        stream.Write(word);
    }
}
