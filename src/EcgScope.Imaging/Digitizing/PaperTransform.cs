using System.Collections.Immutable;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Maps the input image onto the paper: a projective transform (homography) from image pixels to millimetres from
/// the printed grid's top-left corner, paper y growing downwards. A straight scan is a scale and a shift; a rotated
/// one adds a rotation; a photo taken at an angle needs the full projective form.
/// </summary>
public sealed class PaperTransform
{
    private readonly double[] toPaper;
    private readonly double[] toImage;

    private PaperTransform(double[] toPaper)
    {
        this.toPaper = toPaper;
        toImage = Invert(toPaper);
    }

    /// <summary>The 3x3 image-to-paper matrix, row by row (paper = H · [x, y, 1], divided by the third component).</summary>
    public ImmutableArray<double> ImageToPaper => [.. toPaper];

    /// <summary>
    /// The transform of an image rotated by <paramref name="angleDegrees"/> about <paramref name="center"/> (the
    /// rotation that makes it straight), then scaled by <paramref name="pixelsPerMillimeter"/> with the grid's
    /// top-left corner at <paramref name="gridOrigin"/> in the straightened image.
    /// </summary>
    public static PaperTransform FromRotation(double angleDegrees, ImagePoint center, double pixelsPerMillimeter, ImagePoint gridOrigin)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerMillimeter);
        var radians = angleDegrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(radians), Math.Sin(radians));

        // Straightened = R (p - c) + c, with the same sense as OpenCV's getRotationMatrix2D (positive = anticlockwise).
        var tx = center.X - (cos * center.X) - (sin * center.Y);
        var ty = center.Y + (sin * center.X) - (cos * center.Y);
        var scale = 1 / pixelsPerMillimeter;
        return new PaperTransform(
        [
            cos * scale, sin * scale, (tx - gridOrigin.X) * scale,
            -sin * scale, cos * scale, (ty - gridOrigin.Y) * scale,
            0, 0, 1,
        ]);
    }

    /// <summary>
    /// This transform, made for an image that was itself warped from the input by <paramref name="imageToWarped"/> (3x3,
    /// row by row), as a transform of the input's pixels.
    /// </summary>
    public PaperTransform Following(IReadOnlyList<double> imageToWarped)
    {
        ArgumentNullException.ThrowIfNull(imageToWarped);
        return new PaperTransform([.. new Homography([.. imageToWarped]).Then(new Homography([.. toPaper])).Coefficients]);
    }

    /// <summary>The paper position (millimetres from the grid's top-left corner) of an image pixel.</summary>
    public (double XMillimeters, double YMillimeters) ToPaper(ImagePoint point)
    {
        var (x, y) = Apply(toPaper, point.X, point.Y);
        return (x, y);
    }

    /// <summary>The image pixel of a paper position (millimetres from the grid's top-left corner).</summary>
    public ImagePoint ToImage(double xMillimeters, double yMillimeters)
    {
        var (x, y) = Apply(toImage, xMillimeters, yMillimeters);
        return new ImagePoint(x, y);
    }

    private static (double X, double Y) Apply(double[] h, double x, double y)
    {
        var w = (h[6] * x) + (h[7] * y) + h[8];
        return (((h[0] * x) + (h[1] * y) + h[2]) / w, ((h[3] * x) + (h[4] * y) + h[5]) / w);
    }

    private static double[] Invert(double[] m)
    {
        var a = (m[4] * m[8]) - (m[5] * m[7]);
        var b = (m[5] * m[6]) - (m[3] * m[8]);
        var c = (m[3] * m[7]) - (m[4] * m[6]);
        var determinant = (m[0] * a) + (m[1] * b) + (m[2] * c);
        return
        [
            a / determinant, ((m[2] * m[7]) - (m[1] * m[8])) / determinant, ((m[1] * m[5]) - (m[2] * m[4])) / determinant,
            b / determinant, ((m[0] * m[8]) - (m[2] * m[6])) / determinant, ((m[2] * m[3]) - (m[0] * m[5])) / determinant,
            c / determinant, ((m[1] * m[6]) - (m[0] * m[7])) / determinant, ((m[0] * m[4]) - (m[1] * m[3])) / determinant,
        ];
    }
}
