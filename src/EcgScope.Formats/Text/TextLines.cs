using System.Text;

namespace EcgScope.Formats.Text;

/// <summary>Decodes the start of a text file as UTF-8 (with or without a byte order mark) and walks lines (LF, CRLF or CR).</summary>
/// <remarks>Whole files are read with <see cref="EcgSource.ReadAllText"/>.</remarks>
internal static class TextLines
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text of the first bytes of a file, without a byte order mark.</summary>
    public static string Decode(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        return Utf8.GetString(head.StartsWith(bom) ? head[3..] : head);
    }

    /// <summary>Whether <paramref name="head"/> could be text: no NUL bytes (binary formats almost always have some).</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head) => head.Length > 0 && !head.Contains((byte)0);

    /// <summary>Enumerates the lines of <paramref name="text"/> with their 1-based numbers.</summary>
    public static LineEnumerator Enumerate(string text) => new(text);

    /// <summary>A line: its 1-based number, where it starts in the text, and its text without the line break.</summary>
    internal readonly ref struct Line(int number, int start, ReadOnlySpan<char> text)
    {
        /// <summary>1-based line number.</summary>
        public int Number { get; } = number;

        /// <summary>Index of the line's first character in the whole text.</summary>
        public int Start { get; } = start;

        /// <summary>The line's text.</summary>
        public ReadOnlySpan<char> Text { get; } = text;
    }

    /// <summary>Allocation-free line enumerator.</summary>
    internal ref struct LineEnumerator(string text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int position;
        private int number;
        private Line current;

        /// <summary>The current line.</summary>
        public readonly Line Current => current;

        /// <summary>For foreach.</summary>
        public readonly LineEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next line; a final line break does not start an extra empty line.</summary>
        public bool MoveNext()
        {
            if (position >= text.Length)
            {
                return false;
            }

            var rest = text[position..];
            var end = rest.IndexOfAny('\r', '\n');
            number++;
            if (end < 0)
            {
                current = new Line(number, position, rest);
                position = text.Length;
                return true;
            }

            current = new Line(number, position, rest[..end]);
            var breakLength = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
            position += end + breakLength;
            return true;
        }
    }
}
