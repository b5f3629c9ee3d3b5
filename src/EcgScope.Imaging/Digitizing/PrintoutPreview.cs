using OpenCvSharp;

namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// The digitized traces drawn over the part of the printout they were found in, small enough for a web page. The
/// page's header and footer (where a printout names the patient) are cut away, so a preview can be kept.
/// </summary>
public static class PrintoutPreview
{
    /// <summary>Room kept around the traces, in millimetres of paper; the left side keeps the calibration pulses.</summary>
    private const double MarginMillimeters = 5;

    /// <summary>The traced area of <paramref name="image"/> (the one digitized) with <paramref name="printout"/>'s traces over it, at most <paramref name="maxWidthPixels"/> wide, as PNG.</summary>
    public static byte[] DrawPng(Mat image, DigitizedPrintout printout, int maxWidthPixels = 1600)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(printout);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidthPixels);
        using var overlay = PrintoutOverlay.Draw(image, printout);
        using var traced = new Mat(overlay, TracedArea(printout, overlay.Size()));
        var scale = Math.Min(1, (double)maxWidthPixels / traced.Width);
        using var small = new Mat();
        Cv2.Resize(traced, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        return small.ImEncode(".png", new ImageEncodingParam(ImwriteFlags.PngCompression, 9));
    }

    /// <summary>The box around every traced point, widened by the margin (and the calibration margin on the left), within the image.</summary>
    private static Rect TracedArea(DigitizedPrintout printout, Size size)
    {
        var points = printout.Panels.SelectMany(panel => panel.Trace).ToList();
        if (points.Count == 0)
        {
            return new Rect(0, 0, size.Width, size.Height);
        }

        var margin = MarginMillimeters * printout.PixelsPerMillimeter;
        var left = (int)Math.Max(0, points.Min(point => point.X) - margin - (Layout.PrintoutLayout.CalibrationMarginMillimeters(printout.Layout.Scale) * printout.PixelsPerMillimeter));
        var top = (int)Math.Max(0, points.Min(point => point.Y) - margin);
        var right = (int)Math.Min(size.Width, Math.Ceiling(points.Max(point => point.X) + margin));
        var bottom = (int)Math.Min(size.Height, Math.Ceiling(points.Max(point => point.Y) + margin));
        return new Rect(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top));
    }
}
