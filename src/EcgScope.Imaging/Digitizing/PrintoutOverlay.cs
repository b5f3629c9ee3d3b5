using OpenCvSharp;

namespace EcgScope.Imaging.Digitizing;

/// <summary>Draws what the digitizer found over the image it read: each panel's trace and its lead name.</summary>
public static class PrintoutOverlay
{
    /// <summary>
    /// A copy of <paramref name="image"/> (8-bit BGR) with each followed trace drawn in a colour of its own and the
    /// panel's lead written at its start, as PNG bytes.
    /// </summary>
    public static byte[] DrawPng(Mat image, DigitizedPrintout printout)
    {
        using var canvas = Draw(image, printout);
        return canvas.ImEncode(".png");
    }

    /// <summary>A copy of <paramref name="image"/> (8-bit, any channels) as 8-bit BGR with each followed trace and its lead drawn over it.</summary>
    public static Mat Draw(Mat image, DigitizedPrintout printout)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(printout);
        var canvas = image.Channels() == 3 ? image.Clone() : image.CvtColor(image.Channels() == 1 ? ColorConversionCodes.GRAY2BGR : ColorConversionCodes.BGRA2BGR);
        var thickness = Math.Max(1, (int)Math.Round(printout.PixelsPerMillimeter / 4));
        for (var i = 0; i < printout.Panels.Length; i++)
        {
            var panel = printout.Panels[i];
            if (panel.Trace.IsEmpty)
            {
                continue;
            }

            // Alternating blue and green, so that neighbouring panels are told apart where they meet.
            var colour = i % 2 == 0 ? new Scalar(255, 80, 0) : new Scalar(0, 170, 0);
            var points = panel.Trace.Select(point => new Point((int)Math.Round(point.X), (int)Math.Round(point.Y))).ToArray();
            Cv2.Polylines(canvas, [points], isClosed: false, colour, thickness, LineTypes.AntiAlias);
            Cv2.PutText(canvas, panel.Panel.Lead, new Point(points[0].X, points[0].Y - (int)(3 * printout.PixelsPerMillimeter)), HersheyFonts.HersheySimplex, printout.PixelsPerMillimeter / 8, colour, thickness);
        }

        return canvas;
    }
}
