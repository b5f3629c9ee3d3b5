using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace EcgScope.Formats.Pdf;

/// <summary>
/// The 1 mV calibration pulse Apple draws at the start of the first strip, in grey (0.4) under the trace's
/// <c>1 0 0 -1 40 Y cm</c> flip: <c>0 0 m 5.6693 0 l 5.6693 -28.3465 l 19.84255 -28.3465 l 19.84255 0 l 25.51185 0 l S</c>,
/// i.e. 2 mm flat, up by 1 mV at the page's gain (10 mm = 28.35 pt at 10 mm/mV), 5 mm across, down, 2 mm flat.
/// Recognised by colour and shape, so that it is never taken for the trace, and measured to check the footer's gain.
/// </summary>
/// <param name="Left">x of its first point, in points.</param>
/// <param name="Right">x of its last point, in points.</param>
/// <param name="HeightPoints">How far it rises, in points (up positive).</param>
internal sealed record AppleEcgCalibrationPulse(double Left, double Right, double HeightPoints)
{
    /// <summary>Relative difference allowed between the pulse's height and 1 mV at the footer's gain.</summary>
    public const double HeightTolerance = 0.02;

    private const double ColourTolerance = 0.01;

    /// <summary>How far two coordinates may differ and still count as one level or one vertical edge, in points.</summary>
    private const double ShapeTolerance = 0.01;

    /// <summary>The pulses on the page: grey (r = g = b) stroked paths of exactly the pulse's six points.</summary>
    public static IReadOnlyList<AppleEcgCalibrationPulse> FindAll(IEnumerable<PdfPath> paths) =>
        [.. paths.Where(IsGreyStroke).Select(path => path.Count == 1 ? FromShape(path[0]) : null).OfType<AppleEcgCalibrationPulse>()];

    /// <summary>Why the pulse disagrees with the footer's gain, or null when it agrees.</summary>
    public string? CheckGain(double gainMmPerMillivolt, double pointsPerMm)
    {
        var expected = gainMmPerMillivolt * pointsPerMm;
        return Math.Abs(HeightPoints - expected) <= HeightTolerance * expected
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the 1 mV calibration pulse at x = {Left:0.###} pt is {HeightPoints:0.###} pt high, but the footer's {gainMmPerMillivolt:0.###} mm/mV makes 1 mV {expected:0.###} pt: the footer's gain does not match the drawing.");
    }

    private static bool IsGreyStroke(PdfPath path)
    {
        if (!path.IsStroked || path.StrokeColor is null)
        {
            return false;
        }

        var (r, g, b) = path.StrokeColor.ToRGBValues();
        return Math.Abs(r - g) < ColourTolerance && Math.Abs(g - b) < ColourTolerance;
    }

    /// <summary>The pulse if <paramref name="subpath"/> is flat, a vertical edge, flat, a vertical edge back, flat; else null.</summary>
    private static AppleEcgCalibrationPulse? FromShape(PdfSubpath subpath)
    {
        var points = new List<PdfPoint>(6);
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    points.Add(move.Location);
                    break;
                case PdfSubpath.Line line:
                    points.Add(line.To);
                    break;
                default:
                    return null;
            }
        }

        if (points.Count != 6)
        {
            return null;
        }

        static bool Same(double a, double b) => Math.Abs(a - b) < ShapeTolerance;
        var (p0, p1, p2, p3, p4, p5) = (points[0], points[1], points[2], points[3], points[4], points[5]);
        var baseLevel = Same(p0.Y, p1.Y) && Same(p1.Y, p4.Y) && Same(p4.Y, p5.Y);
        var topLevel = Same(p2.Y, p3.Y) && !Same(p2.Y, p1.Y);
        var verticalEdges = Same(p1.X, p2.X) && Same(p3.X, p4.X);
        var leftToRight = p0.X < p1.X && p2.X < p3.X && p4.X < p5.X;
        return baseLevel && topLevel && verticalEdges && leftToRight
            ? new AppleEcgCalibrationPulse(p0.X, p5.X, p2.Y - p1.Y)
            : null;
    }
}
