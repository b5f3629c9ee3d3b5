using ScottPlot;
using SkiaSharp;

namespace EcgScope.Reports.Charts;

/// <summary>
/// A line through points in paper millimetres that breaks wherever a y is NaN: a missing sample is a gap in the
/// trace, never a line to zero.
/// </summary>
internal sealed class GappedPolyline(double[] xsMm, double[] ysMm, SKColor color, float widthPixels) : PaperPlottable
{
    public override void Render(RenderPack rp)
    {
        using var path = new SKPath();
        var penDown = false;
        for (var i = 0; i < xsMm.Length; i++)
        {
            if (double.IsNaN(ysMm[i]))
            {
                penDown = false;
                continue;
            }

            var point = new SKPoint(Axes.GetPixelX(xsMm[i]), Axes.GetPixelY(ysMm[i]));
            if (penDown)
            {
                path.LineTo(point);
            }
            else
            {
                path.MoveTo(point);
                penDown = true;
            }
        }

        using var paint = new SKPaint
        {
            Color = color,
            IsAntialias = true,
            StrokeWidth = widthPixels,
            Style = SKPaintStyle.Stroke,
            StrokeJoin = SKStrokeJoin.Round,
        };
        rp.Canvas.DrawPath(path, paint);
    }
}
