using EcgScope.Reports.Charts;
using SkiaSharp;

namespace EcgScope.Reports.Pdf;

/// <summary>
/// Lays out a report top to bottom on A4 landscape pages, starting a new page where the next block does not fit, and
/// draws nothing until <see cref="Render"/>: by then the number of pages is known, so every footer can say "page 1 of N".
/// </summary>
/// <remarks>Units are PDF points (1/72 inch) from the page's top-left corner. Text is drawn as text, so it stays selectable.</remarks>
internal sealed class PageFlow : IDisposable
{
    /// <summary>Points per millimetre.</summary>
    public const float PointsPerMm = 72 / 25.4f;

    /// <summary>A4 landscape, in points.</summary>
    public static readonly SKSize PageSize = new(297 * PointsPerMm, 210 * PointsPerMm);

    // Ten seconds of trace at 25 mm/s with the chart's lead-in and margins take 266 mm of the 277 mm between the side
    // margins; the narrower top and bottom margins leave room for three strips of two leads a page.
    private const float SideMarginMm = 10, TopMarginMm = 8;

    /// <summary>Where a field's value starts, right of its label, in points.</summary>
    private const float FieldValueX = 150;

    /// <summary>Kept free at the bottom of every page for the footer (disclaimer, page number, version).</summary>
    private const float FooterMm = 16;

    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly Dictionary<TextStyle, SKFont> fonts = [];
    private float y;

    /// <summary>Starts the first page.</summary>
    public PageFlow() => NewPage();

    /// <summary>The left edge of the content, in points.</summary>
    public static float Left => SideMarginMm * PointsPerMm;

    /// <summary>The width of the content, in points.</summary>
    public static float Width => PageSize.Width - (2 * SideMarginMm * PointsPerMm);

    /// <summary>The top of the content.</summary>
    public static float Top => TopMarginMm * PointsPerMm;

    /// <summary>The bottom of the content; the footer lies below it.</summary>
    public static float Bottom => PageSize.Height - (FooterMm * PointsPerMm);

    /// <summary>The pages laid out so far.</summary>
    public int PageCount => pages.Count;

    /// <summary>The height left on the current page, in points.</summary>
    public float Remaining => Bottom - y;

    /// <summary>Whether nothing has been laid out on the current page yet.</summary>
    public bool PageIsEmpty => pages[^1].Count == 0;

    /// <summary>Starts a new page; the next block goes at its top.</summary>
    public void NewPage()
    {
        pages.Add([]);
        y = Top;
    }

    /// <summary>Leaves <paramref name="points"/> empty (nothing at the top of a page).</summary>
    public void Gap(float points) => y = Math.Min(Bottom, y + points);

    /// <summary>
    /// Takes a block <paramref name="height"/> points high, on a new page where it does not fit on this one, and
    /// returns its top; <paramref name="draw"/> gets the canvas and that top when the page is drawn.
    /// </summary>
    public void Block(float height, Action<SKCanvas, float> draw)
    {
        if (height > Remaining && !PageIsEmpty)
        {
            NewPage();
        }

        var top = y;
        pages[^1].Add(canvas => draw(canvas, top));
        y += height;
    }

    /// <summary>Text wrapped to the content's width less <paramref name="indent"/>; lines flow onto the next page.</summary>
    public void Text(string text, TextStyle style, float indent = 0)
    {
        foreach (var line in Wrap(text, style, Width - indent))
        {
            Line([(indent, line)], style);
        }
    }

    /// <summary>A bulleted item: the bullet at <paramref name="indent"/>, the text wrapped beside it with a hanging indent.</summary>
    public void Bullet(string text, TextStyle style, float indent)
    {
        const string Mark = "•";
        var textX = indent + (2 * Measure(Mark, style));
        var lines = Wrap(text, style, Width - textX);
        for (var i = 0; i < lines.Count; i++)
        {
            Line(i == 0 ? [(indent, Mark), (textX, lines[i])] : [(textX, lines[i])], style);
        }
    }

    /// <summary>A label in bold and its value beside it, wrapped in the value's column (a form-like block).</summary>
    public void Field(string label, string value)
    {
        var lines = Wrap(value, TextStyle.Body, Width - FieldValueX);
        for (var i = 0; i < Math.Max(1, lines.Count); i++)
        {
            Line([(0, i == 0 ? label : ""), (FieldValueX, i < lines.Count ? lines[i] : "")], TextStyle.Body, firstCellStyle: TextStyle.Label);
        }
    }

    /// <summary>One line of cells, each at its offset in points from the left edge (a table row, a label and its value).</summary>
    /// <remarks>The first cell may have a style of its own (a bold label before body text); the line is as high as <paramref name="style"/>'s.</remarks>
    public void Line(IReadOnlyList<(float X, string Text)> cells, TextStyle style, TextStyle? firstCellStyle = null)
    {
        Block(style.LineHeight, (canvas, top) =>
        {
            for (var i = 0; i < cells.Count; i++)
            {
                var (x, text) = cells[i];
                if (text.Length > 0)
                {
                    DrawText(canvas, text, Left + x, top + style.SizePoints, i == 0 ? firstCellStyle ?? style : style);
                }
            }
        });
    }

    /// <summary>Draws <paramref name="text"/> at a baseline: the flow's lines, and what every page carries outside the flow (the footer).</summary>
    public void DrawText(SKCanvas canvas, string text, float x, float baseline, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        canvas.DrawText(text, x, baseline, align, Font(style), paint);
    }

    /// <summary>The width of <paramref name="text"/> in <paramref name="style"/>, in points.</summary>
    public float Measure(string text, TextStyle style) => Font(style).MeasureText(text);

    /// <summary>Splits <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/> (a longer word gets a line of its own).</summary>
    public List<string> Wrap(string text, TextStyle style, float width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(longer, style) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Writes every page to <paramref name="document"/>, then lets <paramref name="decorate"/> add what each page carries (page number N of count).</summary>
    public void Render(SKDocument document, Action<SKCanvas, int, int> decorate)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(decorate);
        for (var index = 0; index < pages.Count; index++)
        {
            var canvas = document.BeginPage(PageSize.Width, PageSize.Height);
            foreach (var draw in pages[index])
            {
                draw(canvas);
            }

            decorate(canvas, index + 1, pages.Count);
            document.EndPage();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }
    }

    private SKFont Font(TextStyle style)
    {
        if (!fonts.TryGetValue(style, out var font))
        {
            // Unhinted glyphs at fractional positions: whole-point advances open gaps that text extractors read as spaces.
            font = new SKFont(ChartFonts.Typeface(style.Bold), style.SizePoints) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            fonts[style] = font;
        }

        return font;
    }
}
