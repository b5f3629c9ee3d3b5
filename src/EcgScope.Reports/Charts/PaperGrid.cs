using ScottPlot;
using SkiaSharp;

namespace EcgScope.Reports.Charts;

/// <summary>The ECG paper's grid: a line every millimetre, a darker one every fifth, across the whole data area.</summary>
internal sealed class PaperGrid(double widthMm, double heightMm, SKColor minor, SKColor major) : PaperPlottable
{
    private const int MajorEvery = 5;

    public override void Render(RenderPack rp)
    {
        // Hairlines without anti-aliasing, snapped to pixel columns, stay one crisp pixel wide on a bitmap; on a
        // vector canvas (SVG, PDF) the snap moves a line by at most half a pixel.
        using var minorPaint = new SKPaint { Color = minor, IsAntialias = false, StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var majorPaint = new SKPaint { Color = major, IsAntialias = false, StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        var data = rp.DataRect;
        foreach (var isMajor in (ReadOnlySpan<bool>)[false, true])
        {
            var paint = isMajor ? majorPaint : minorPaint;
            for (var mm = 0; mm <= widthMm; mm++)
            {
                if (mm % MajorEvery == 0 == isMajor)
                {
                    var x = Snap(Axes.GetPixelX(mm));
                    rp.Canvas.DrawLine(x, data.Top, x, data.Bottom, paint);
                }
            }

            for (var mm = 0; mm <= heightMm; mm++)
            {
                if (mm % MajorEvery == 0 == isMajor)
                {
                    var y = Snap(Axes.GetPixelY(mm));
                    rp.Canvas.DrawLine(data.Left, y, data.Right, y, paint);
                }
            }
        }
    }

    private static float Snap(float pixel) => MathF.Round(pixel) + 0.5f;
}
