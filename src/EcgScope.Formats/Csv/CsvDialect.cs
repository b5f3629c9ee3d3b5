using EcgScope.Formats.Text;

namespace EcgScope.Formats.Csv;

/// <summary>
/// How a delimited text file separates its fields and writes decimals. The delimiter is the first of tab, semicolon
/// and comma that occurs as often (at least once) on most of the first lines as on the first; otherwise fields are
/// separated by runs of whitespace. A decimal comma is accepted only where the delimiter is not a comma.
/// </summary>
internal sealed record CsvDialect(char Delimiter)
{
    private const int LinesToInspect = 20;
    private static readonly char[] Candidates = ['\t', ';', ','];

    /// <summary>Whether numbers may use ',' as decimal separator (semicolon- and tab-separated files).</summary>
    public bool AllowsDecimalComma => Delimiter is ';' or '\t';

    /// <summary>A printable name for messages.</summary>
    public string DelimiterName => Delimiter switch
    {
        '\t' => "tab",
        ';' => "semicolon",
        ',' => "comma",
        _ => "whitespace",
    };

    /// <summary>Detects the dialect from the first content lines of a file.</summary>
    public static CsvDialect Detect(IReadOnlyList<string> firstLines)
    {
        var lines = firstLines.Take(LinesToInspect).ToList();
        foreach (var candidate in Candidates)
        {
            // The first line's count must recur on most lines: a malformed row must not change the dialect.
            var count = CountOutsideQuotes(lines.Count > 0 ? lines[0] : string.Empty, candidate);
            if (count > 0 && 2 * lines.Count(line => CountOutsideQuotes(line, candidate) == count) > lines.Count)
            {
                return new CsvDialect(candidate);
            }
        }

        return new CsvDialect(CsvFields.Whitespace);
    }

    /// <summary>Parses one cell; empty cells are missing samples (NaN).</summary>
    public bool TryParseCell(ReadOnlySpan<char> cell, out double value)
    {
        var trimmed = cell.Trim();
        if (trimmed.IsEmpty)
        {
            value = double.NaN;
            return true;
        }

        return AllowsDecimalComma ? DecimalText.TryParseEither(trimmed, out value) : DecimalText.TryParse(trimmed, false, out value);
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
