using System.Globalization;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats.Edf;

/// <summary>One EDF+ annotation: an onset in seconds from the file's start, an optional duration and a text.</summary>
internal readonly record struct EdfAnnotation(double OnsetSeconds, double? DurationSeconds, string Text);

/// <summary>
/// Parses the Time-stamped Annotation Lists (TALs) of one data record's "EDF Annotations" signal (EDF+ specification,
/// section 2.2): each TAL is "+onset[0x15 duration]0x14 text 0x14 ... 0x14 0x00"; unused bytes are 0x00. The first
/// TAL of a record has an empty text and gives the record's start time (time keeping).
/// </summary>
internal static class EdfAnnotationList
{
    private const byte DurationMark = 0x15;
    private const byte TextEnd = 0x14;

    /// <summary>About 317 years: any onset or duration beyond this is corruption, and would not fit a start time.</summary>
    private const double MaxSeconds = 1e10;

    /// <summary>
    /// Parses <paramref name="bytes"/> (found at <paramref name="fileOffset"/>), adds its annotations to
    /// <paramref name="annotations"/> and returns the record's start time (null when the signal holds no TAL).
    /// </summary>
    public static double? Parse(string path, ReadOnlySpan<byte> bytes, long fileOffset, List<EdfAnnotation> annotations)
    {
        double? recordStart = null;
        var position = 0;
        while (position < bytes.Length)
        {
            if (bytes[position] == 0)
            {
                position++;
                continue;
            }

            var length = bytes[position..].IndexOf((byte)0);
            if (length < 0)
            {
                throw new EcgFormatException(path, "annotation list (TAL) is not terminated by a 0 byte.", byteOffset: fileOffset + position);
            }

            var onset = ParseTal(path, bytes.Slice(position, length), fileOffset + position, annotations);
            recordStart ??= onset;
            position += length + 1;
        }

        return recordStart;
    }

    private static double ParseTal(string path, ReadOnlySpan<byte> tal, long offset, List<EdfAnnotation> annotations)
    {
        var timeEnd = tal.IndexOf(TextEnd);
        if (timeEnd < 0 || tal[0] is not ((byte)'+' or (byte)'-'))
        {
            throw new EcgFormatException(path, "annotation list (TAL) does not start with '+onset' followed by 0x14.", byteOffset: offset);
        }

        var time = tal[..timeEnd];
        var durationMark = time.IndexOf(DurationMark);
        var onset = ParseSeconds(path, durationMark < 0 ? time : time[..durationMark], offset, "onset");
        double? duration = durationMark < 0 ? null : ParseSeconds(path, time[(durationMark + 1)..], offset, "duration");

        var texts = tal[(timeEnd + 1)..];
        while (!texts.IsEmpty)
        {
            var end = texts.IndexOf(TextEnd);
            var text = end < 0 ? texts : texts[..end];
            if (!text.IsEmpty)
            {
                annotations.Add(new EdfAnnotation(onset, duration, Encoding.UTF8.GetString(text)));
            }

            texts = end < 0 ? [] : texts[(end + 1)..];
        }

        return onset;
    }

    private static double ParseSeconds(string path, ReadOnlySpan<byte> text, long offset, string what)
    {
        Span<char> chars = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length <= chars.Length && Encoding.ASCII.TryGetChars(text, chars, out var written)
            && double.TryParse(chars[..written], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var seconds) && Math.Abs(seconds) <= MaxSeconds)
        {
            return seconds;
        }

        throw new EcgFormatException(path, $"annotation {what} '{Encoding.ASCII.GetString(text)}' is not a plausible number of seconds.", byteOffset: offset);
    }
}
