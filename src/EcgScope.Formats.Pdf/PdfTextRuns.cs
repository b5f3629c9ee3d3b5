using System.Text;
using UglyToad.PdfPig.Content;

namespace EcgScope.Formats.Pdf;

/// <summary>A run of text on one baseline: glyphs joined by position, words separated by single spaces.</summary>
/// <param name="Left">x of the first glyph's origin, in points.</param>
/// <param name="Right">x where the last glyph ends.</param>
/// <param name="Baseline">y of the baseline, in points from the bottom of the page.</param>
/// <param name="FontSize">Size of the first glyph, in points.</param>
/// <param name="Text">The text, with runs of white space (including U+202F and U+00A0) as one ordinary space.</param>
internal sealed record TextRun(double Left, double Right, double Baseline, double FontSize, string Text);

/// <summary>
/// Rebuilds lines from glyphs. Apple's exports draw words in pieces (":" or "—" from another font, the narrow
/// no-break space before AM/PM in a text object of its own), so text objects mean nothing: glyphs on one baseline
/// are joined left to right, a space goes where the gap between glyphs is wider than a kerning adjustment, and a gap
/// wider than <see cref="ColumnGapInEms"/> starts a new run (a right-aligned date, a second column).
/// </summary>
internal static class PdfTextRuns
{
    private const double BaselineTolerance = 0.5;
    private const double SpaceGapInEms = 0.15;
    private const double ColumnGapInEms = 1.5;

    public static IReadOnlyList<TextRun> Assemble(IEnumerable<Letter> letters)
    {
        var ordered = letters
            .Where(letter => !string.IsNullOrEmpty(letter.Value))
            .OrderByDescending(letter => letter.StartBaseLine.Y)
            .ToList();
        var runs = new List<TextRun>();
        var line = new List<Letter>();
        foreach (var letter in ordered)
        {
            if (line.Count > 0 && Math.Abs(line[0].StartBaseLine.Y - letter.StartBaseLine.Y) > BaselineTolerance)
            {
                SplitLine(line, runs);
                line.Clear();
            }

            line.Add(letter);
        }

        SplitLine(line, runs);
        return runs;
    }

    private static void SplitLine(List<Letter> line, List<TextRun> runs)
    {
        line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var text = new StringBuilder();
        Letter? first = null;
        Letter? previous = null;
        foreach (var letter in line)
        {
            var size = Math.Max(letter.PointSize, 1);
            var gap = previous is null ? 0 : letter.StartBaseLine.X - previous.EndBaseLine.X;
            if (previous is not null && gap > ColumnGapInEms * size)
            {
                runs.Add(Finish(first!, previous, text));
                text.Clear();
                first = null;
            }
            else if (previous is not null && gap > SpaceGapInEms * size)
            {
                text.Append(' ');
            }

            first ??= letter;
            text.Append(letter.Value);
            previous = letter;
        }

        if (first is not null)
        {
            runs.Add(Finish(first, previous!, text));
        }
    }

    private static TextRun Finish(Letter first, Letter last, StringBuilder text)
    {
        var normalised = new StringBuilder(text.Length);
        foreach (var c in text.ToString())
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || (normalised.Length > 0 && normalised[^1] != ' '))
            {
                normalised.Append(isSpace ? ' ' : c);
            }
        }

        return new TextRun(first.StartBaseLine.X, last.EndBaseLine.X, first.StartBaseLine.Y, first.PointSize, normalised.ToString().TrimEnd());
    }
}
