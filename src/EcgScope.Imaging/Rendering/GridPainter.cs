using SkiaSharp;

namespace EcgScope.Imaging.Rendering;

/// <summary>
/// Draws the millimetre grid in whole pixels, as a printer does: every line (or dot) on the pixel nearest its exact
/// place, so the period averages dpi / 25.4 pixels per millimetre, without anti-aliased smears.
/// </summary>
internal static class GridPainter
{
    /// <summary>Draws a grid of <paramref name="widthMillimeters"/> by <paramref name="heightMillimeters"/> (whole millimetres) with its top-left at pixel (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public static void Draw(SKCanvas canvas, GridStyle style, int left, int top, double pixelsPerMillimeter, int widthMillimeters, int heightMillimeters)
    {
        var columns = Positions(left, pixelsPerMillimeter, widthMillimeters, 1);
        var rows = Positions(top, pixelsPerMillimeter, heightMillimeters, 1);
        if (style == GridStyle.Dots)
        {
            DrawDots(canvas, left, top, pixelsPerMillimeter, widthMillimeters, heightMillimeters, columns, rows);
            return;
        }

        var (minor, major) = Colours(style);
        using var minorPaint = new SKPaint { Color = minor, IsAntialias = false };
        using var majorPaint = new SKPaint { Color = major, IsAntialias = false };

        // Major lines a little thicker from 300 dpi up, where one pixel is too faint to tell them apart; an odd number
        // of pixels keeps each centred on its place.
        var majorHalf = (int)Math.Floor(0.1 * pixelsPerMillimeter);
        var (right, bottom) = (columns[^1] + 1, rows[^1] + 1);
        for (var mm = 0; mm < columns.Length; mm++)
        {
            var isMajor = mm % 5 == 0;
            var half = isMajor ? majorHalf : 0;
            canvas.DrawRect(SKRect.Create(columns[mm] - half, top - majorHalf, 1 + (2 * half), bottom - top + (2 * majorHalf)), isMajor ? majorPaint : minorPaint);
        }

        for (var mm = 0; mm < rows.Length; mm++)
        {
            var isMajor = mm % 5 == 0;
            var half = isMajor ? majorHalf : 0;
            canvas.DrawRect(SKRect.Create(left - majorHalf, rows[mm] - half, right - left + (2 * majorHalf), 1 + (2 * half)), isMajor ? majorPaint : minorPaint);
        }
    }

    /// <summary>The pixel of every <paramref name="step"/> millimetres from 0 to <paramref name="millimeters"/>.</summary>
    private static int[] Positions(int origin, double pixelsPerMillimeter, int millimeters, double step)
    {
        var count = (int)Math.Round(millimeters / step) + 1;
        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = origin + (int)Math.Round(i * step * pixelsPerMillimeter);
        }

        return positions;
    }

    /// <summary>Dotted 5 mm lines (a dot every half millimetre) and a dot at every 1 mm crossing.</summary>
    private static void DrawDots(SKCanvas canvas, int left, int top, double pixelsPerMillimeter, int widthMillimeters, int heightMillimeters, int[] columns, int[] rows)
    {
        var halfColumns = Positions(left, pixelsPerMillimeter, widthMillimeters, 0.5);
        var halfRows = Positions(top, pixelsPerMillimeter, heightMillimeters, 0.5);
        var points = new List<SKPoint>((columns.Length * rows.Length) + (columns.Length * halfRows.Length / 5) + (rows.Length * halfColumns.Length / 5));
        foreach (var y in rows)
        {
            points.AddRange(columns.Select(x => new SKPoint(x + 0.5f, y + 0.5f)));
        }

        for (var mm = 0; mm < columns.Length; mm += 5)
        {
            points.AddRange(halfRows.Select(y => new SKPoint(columns[mm] + 0.5f, y + 0.5f)));
        }

        for (var mm = 0; mm < rows.Length; mm += 5)
        {
            points.AddRange(halfColumns.Select(x => new SKPoint(x + 0.5f, rows[mm] + 0.5f)));
        }

        using var paint = new SKPaint { Color = new SKColor(205, 85, 100), IsAntialias = false, StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        canvas.DrawPoints(SKPointMode.Points, [.. points], paint);
    }

    private static (SKColor Minor, SKColor Major) Colours(GridStyle style) => style switch
    {
        GridStyle.Red => (new SKColor(250, 200, 200), new SKColor(235, 130, 130)),
        GridStyle.Green => (new SKColor(200, 235, 200), new SKColor(115, 190, 115)),
        GridStyle.Blue => (new SKColor(200, 215, 245), new SKColor(115, 150, 225)),
        GridStyle.Grey => (new SKColor(220, 220, 220), new SKColor(160, 160, 160)),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Not a line grid."),
    };
}
