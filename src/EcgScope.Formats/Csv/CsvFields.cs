namespace EcgScope.Formats.Csv;

/// <summary>
/// Splits one line of delimited text into fields (RFC 4180 quoting: a field in double quotes may hold the delimiter,
/// and "" inside it stands for one quote). Fields are returned as ranges into the line so that data rows allocate
/// nothing; a quoted field's range is its content between the quotes.
/// </summary>
public static class CsvFields
{
    /// <summary>The delimiter value that means "runs of spaces or tabs".</summary>
    public const char Whitespace = ' ';

    /// <summary>
    /// Fills <paramref name="fields"/> with the ranges of the fields of <paramref name="line"/>; false when a quote is
    /// not closed.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> line, char delimiter, List<Range> fields)
    {
        fields.Clear();
        return delimiter == Whitespace ? SplitOnWhitespace(line, fields) : SplitOnDelimiter(line, delimiter, fields);
    }

    /// <summary>The text of a field, with "" inside a quoted field turned back into one quote, and trimmed.</summary>
    public static string Text(ReadOnlySpan<char> line, Range field) =>
        line[field].ToString().Replace("\"\"", "\"", StringComparison.Ordinal).Trim();

    private static bool SplitOnDelimiter(ReadOnlySpan<char> line, char delimiter, List<Range> fields)
    {
        var start = 0;
        while (true)
        {
            var rest = line[start..];
            var firstContent = rest.Length - rest.TrimStart(' ').Length;
            if (firstContent < rest.Length && rest[firstContent] == '"')
            {
                var contentStart = start + firstContent + 1;
                var closing = FindClosingQuote(line, contentStart);
                if (closing < 0)
                {
                    return false;
                }

                fields.Add(contentStart..closing);
                var after = line[(closing + 1)..];
                var next = after.IndexOf(delimiter);
                if (next < 0)
                {
                    return after.IsWhiteSpace();
                }

                if (!after[..next].IsWhiteSpace())
                {
                    return false;
                }

                start = closing + 1 + next + 1;
                continue;
            }

            var end = rest.IndexOf(delimiter);
            if (end < 0)
            {
                fields.Add(start..line.Length);
                return true;
            }

            fields.Add(start..(start + end));
            start += end + 1;
        }
    }

    private static int FindClosingQuote(ReadOnlySpan<char> line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                continue;
            }

            if (i + 1 < line.Length && line[i + 1] == '"')
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    private static bool SplitOnWhitespace(ReadOnlySpan<char> line, List<Range> fields)
    {
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                i++;
            }

            if (i > start)
            {
                fields.Add(start..i);
            }
        }

        return true;
    }
}
