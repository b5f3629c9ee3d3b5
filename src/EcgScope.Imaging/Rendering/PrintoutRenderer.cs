using EcgScope.Core;
using EcgScope.Imaging.Layout;
using OpenCvSharp;
using SkiaSharp;

namespace EcgScope.Imaging.Rendering;

/// <summary>
/// Draws a twelve-lead record as an ECG machine prints it: header, millimetre grid, calibration pulses, traces with
/// lead labels and separators, and the footer line; returns the image with its ground truth.
/// </summary>
public static class PrintoutRenderer
{
    /// <summary>Page margin around the grid, in millimetres.</summary>
    private const double MarginMillimeters = 8;

    /// <summary>Room above the grid for the header, in millimetres.</summary>
    private const double HeaderMillimeters = 26;

    /// <summary>Room below the grid for the footer, in millimetres.</summary>
    private const double FooterMillimeters = 10;

    /// <summary>The smallest page: the genuine printouts' 281 x 200 mm (2213 x 1572 px at 200 dpi).</summary>
    private const double MinimumPageWidthMillimeters = 281, MinimumPageHeightMillimeters = 199.7;

    /// <summary>Renders <paramref name="record"/> (which must hold the twelve standard leads) on <paramref name="layout"/>.</summary>
    /// <remarks>A grid that does not measure whole millimetres (a recording of 7.3 s) is drawn to the next whole millimetre.</remarks>
    /// <exception cref="ArgumentException">A standard lead is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The resolution or pen width is out of range.</exception>
    public static RenderedPrintout Render(EcgRecord record, PrintoutLayout layout, PrintoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(layout);
        options ??= PrintoutOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DotsPerInch, 50);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.DotsPerInch, 600);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PenWidthMillimeters);
        var (gridWidth, gridHeight) = (WholeMillimeters(layout.GridWidthMillimeters), WholeMillimeters(layout.GridHeightMillimeters));
        var truthRecord = PrintedRecord.From(record, layout);

        var ppm = options.PixelsPerMillimeter;
        var pageWidth = Math.Max(gridWidth + (2 * MarginMillimeters), MinimumPageWidthMillimeters);
        var pageHeight = Math.Max(HeaderMillimeters + gridHeight + FooterMillimeters, MinimumPageHeightMillimeters);
        var (width, height) = ((int)Math.Round(pageWidth * ppm), (int)Math.Round(pageHeight * ppm));

        // On a page taller than the grid needs, the grid sits midway between header and footer, as on the genuine pages.
        var gridTopMillimeters = HeaderMillimeters + ((pageHeight - HeaderMillimeters - FooterMillimeters - gridHeight) / 2);
        var (gridLeft, gridTop) = ((int)Math.Round(MarginMillimeters * ppm), (int)Math.Round(gridTopMillimeters * ppm));

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            GridPainter.Draw(canvas, options.Grid, gridLeft, gridTop, ppm, gridWidth, gridHeight);

            // Pixel centres lie at integer image coordinates (OpenCV's convention), at +0.5 on Skia's canvas.
            canvas.SetMatrix(SKMatrix.CreateScaleTranslation((float)ppm, (float)ppm, gridLeft + 0.5f, gridTop + 0.5f));
            TracePainter.Draw(canvas, record, layout, (float)options.PenWidthMillimeters);
            canvas.SetMatrix(SKMatrix.CreateScaleTranslation((float)ppm, (float)ppm, 0.5f, 0.5f));
            DrawPageText(canvas, record, layout, options, pageWidth, pageHeight);
        }

        var image = new Mat();
        using (var bgra = Mat.FromPixelData(height, width, MatType.CV_8UC4, bitmap.GetPixels()))
        {
            Cv2.CvtColor(bgra, image, ColorConversionCodes.BGRA2BGR);
        }

        var truth = new PrintoutTruth(truthRecord, layout, ppm, Homography.ScaleThenTranslate(ppm, gridLeft, gridTop));
        return new RenderedPrintout(image, truth);
    }

    /// <summary>Header (title, ID and date, speed and gain, a double rule) and footer, in page millimetres.</summary>
    private static void DrawPageText(SKCanvas canvas, EcgRecord record, PrintoutLayout layout, PrintoutOptions options, double pageWidth, double pageHeight)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, StrokeWidth = 0.35f };
        using var title = new SKFont(PrintoutFonts.Typeface, 5.5f) { Subpixel = true, Hinting = SKFontHinting.None };
        using var text = new SKFont(PrintoutFonts.Typeface, 3.2f) { Subpixel = true, Hinting = SKFontHinting.None };
        var (left, right) = ((float)MarginMillimeters, (float)(pageWidth - MarginMillimeters));
        canvas.DrawText(options.Title, (float)(pageWidth / 2), 9, SKTextAlign.Center, title, ink);
        canvas.DrawText(PageText.Identity(record, options), left, 15, text, ink);
        canvas.DrawText(PageText.Settings(record, layout), left, 20, text, ink);
        canvas.DrawLine(left, 22, right, 22, ink);
        canvas.DrawLine(left, 22.8f, right, 22.8f, ink);
        var footer = PageText.Footer(layout, options, PageText.HeartRateBpm(record, layout, options));
        canvas.DrawText(footer, left, (float)(pageHeight - 4), text, ink);
    }

    /// <summary>The grid's size rounded up to whole millimetres: a printed grid ends on a line.</summary>
    private static int WholeMillimeters(double millimeters) => Math.Max(1, (int)Math.Ceiling(millimeters - 1e-9));
}
