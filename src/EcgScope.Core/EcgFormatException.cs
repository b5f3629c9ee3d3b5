using System.Globalization;
using System.Text;

namespace EcgScope.Core;

/// <summary>
/// A file could not be read because its content is malformed. The message names the file, where in it the problem
/// is (a line, or a byte offset for binary data) and what was wrong.
/// </summary>
public sealed class EcgFormatException : Exception
{
    /// <summary>Creates an error at a place in a file.</summary>
    public EcgFormatException(string source, string reason, int? line = null, long? byteOffset = null, Exception? inner = null)
        : base(Describe(source, reason, line, byteOffset), inner)
    {
        Source = source;
        Reason = reason;
        Line = line;
        ByteOffset = byteOffset;
    }

    /// <summary>The file (or stream name) that was being read.</summary>
    public new string Source { get; }

    /// <summary>What was wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>1-based line number for text formats.</summary>
    public int? Line { get; }

    /// <summary>0-based byte offset for binary formats.</summary>
    public long? ByteOffset { get; }

    private static string Describe(string source, string reason, int? line, long? byteOffset)
    {
        var text = new StringBuilder(source);
        if (line is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $", line {l}");
        }

        if (byteOffset is { } offset)
        {
            text.Append(CultureInfo.InvariantCulture, $", byte {offset}");
        }

        return text.Append(": ").Append(reason).ToString();
    }
}
