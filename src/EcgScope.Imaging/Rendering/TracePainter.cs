using EcgScope.Core;
using EcgScope.Imaging.Layout;
using SkiaSharp;

namespace EcgScope.Imaging.Rendering;

/// <summary>Draws what the pen writes on the grid: traces, calibration pulses, lead separators and labels. The canvas is in grid millimetres.</summary>
internal static class TracePainter
{
    /// <summary>The lead label's height in millimetres.</summary>
    private const float LabelSize = 3.5f;

    /// <summary>Draws every panel of <paramref name="layout"/> from <paramref name="record"/>.</summary>
    public static void Draw(SKCanvas canvas, EcgRecord record, PrintoutLayout layout, float penWidthMillimeters)
    {
        using var pen = new SKPaint
        {
            Color = SKColors.Black,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = penWidthMillimeters,
            StrokeJoin = SKStrokeJoin.Round,
            StrokeCap = SKStrokeCap.Round,
        };
        using var font = new SKFont(PrintoutFonts.Typeface, LabelSize) { Subpixel = true, Hinting = SKFontHinting.None };
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        foreach (var baseline in layout.Panels.Select(panel => panel.BaselineMillimeters).Distinct())
        {
            using var pulse = CalibrationPulse(layout.Scale, baseline);
            canvas.DrawPath(pulse, pen);
        }

        foreach (var panel in layout.Panels)
        {
            using var trace = Trace(record, layout.Scale, panel);
            canvas.DrawPath(trace, pen);
            if (panel.LeftMillimeters > PrintoutLayout.CalibrationMarginMillimeters(layout.Scale))
            {
                // Machines mark where one lead gives way to the next with a short vertical stroke.
                var reach = (float)(0.3 * panel.HeightMillimeters);
                var x = (float)panel.LeftMillimeters;
                canvas.DrawLine(x, (float)panel.BaselineMillimeters - reach, x, (float)panel.BaselineMillimeters + reach, pen);
            }

            canvas.DrawText(panel.Lead, (float)panel.LeftMillimeters + 1, (float)panel.BaselineMillimeters - 2.5f, font, ink);
        }
    }

    /// <summary>A 1 mV, 200 ms rectangle centred in the calibration margin, on the row's baseline.</summary>
    private static SKPath CalibrationPulse(PaperScale scale, double baseline)
    {
        var margin = PrintoutLayout.CalibrationMarginMillimeters(scale);
        var width = 0.2 * scale.MillimetersPerSecond;
        var rise = Math.Max(0, (margin - width) / 2);
        var top = baseline - scale.MillimetersPerMillivolt;
        var path = new SKPath();
        path.MoveTo((float)Math.Max(0, rise - 1.5), (float)baseline);
        path.LineTo((float)rise, (float)baseline);
        path.LineTo((float)rise, (float)top);
        path.LineTo((float)(rise + width), (float)top);
        path.LineTo((float)(rise + width), (float)baseline);
        path.LineTo((float)Math.Min(margin - 0.5, rise + width + 1.5), (float)baseline);
        return path;
    }

    /// <summary>The panel's samples as a polyline; a missing (NaN) sample lifts the pen.</summary>
    private static SKPath Trace(EcgRecord record, PaperScale scale, LeadPanel panel)
    {
        var samples = PrintedRecord.SourceLead(record, panel.Lead).Span;
        var (first, end) = PrintedRecord.SampleRange(panel, record.SamplingRate, record.SampleCount);
        var millimetersPerSample = scale.MillimetersPerSecond / record.SamplingRate.Hertz;
        var left = panel.LeftMillimeters - (panel.StartSeconds * scale.MillimetersPerSecond);
        var path = new SKPath();
        var penDown = false;
        for (var i = first; i < end; i++)
        {
            if (double.IsNaN(samples[i]))
            {
                penDown = false;
                continue;
            }

            var x = (float)(left + (i * millimetersPerSample));
            var y = (float)(panel.BaselineMillimeters - (samples[i] * scale.MillimetersPerMillivolt));
            if (penDown)
            {
                path.LineTo(x, y);
            }
            else
            {
                path.MoveTo(x, y);
                penDown = true;
            }
        }

        return path;
    }
}
