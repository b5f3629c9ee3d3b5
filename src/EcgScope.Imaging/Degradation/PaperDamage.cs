using EcgScope.Imaging.Rendering;
using OpenCvSharp;

namespace EcgScope.Imaging.Degradation;

/// <summary>Fold lines: one to four creases across the page, each a dark groove beside a light ridge, deeper with strength.</summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record Creases(double Strength) : PrintoutDegradation(Strength)
{
    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var shade = new Mat(image.Size(), MatType.CV_8UC1, Scalar.All(ShadeUnit));
        var count = 1 + (int)Math.Round(3 * Strength * random.NextDouble());
        var width = Math.Max(1, (int)Math.Round(Pixels(image, 2)));
        for (var i = 0; i < count; i++)
        {
            // Pages are folded roughly in halves and thirds, across or along.
            var across = random.Next(2) == 0;
            var at = Between(random, 0.25, 0.75);
            var tilt = Between(random, -0.03, 0.03);
            var (from, to) = across
                ? (new Point(image.Width * at, 0), new Point(image.Width * (at + tilt), image.Height))
                : (new Point(0, image.Height * at), new Point(image.Width, image.Height * (at + tilt)));
            var ridge = across ? new Point(width * 2, 0) : new Point(0, width * 2);
            Cv2.Line(shade, from + ridge, to + ridge, Scalar.All(ShadeUnit * (1 + (0.08 * Strength))), width * 2, LineTypes.AntiAlias);
            Cv2.Line(shade, from, to, Scalar.All(ShadeUnit * (1 - (0.45 * Strength))), width, LineTypes.AntiAlias);
        }

        Cv2.GaussianBlur(shade, shade, new Size(0, 0), width);
        return (Shaded(image, shade), Homography.Identity);
    }
}

/// <summary>Handwriting and pen marks on the page: up to six scribbles in blue, black or red ink at full strength (at least one).</summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record PenMarks(double Strength) : PrintoutDegradation(Strength)
{
    private static readonly Scalar[] Inks = [new(140, 40, 20), new(35, 30, 30), new(40, 30, 190)];

    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(random);
        var result = image.Clone();
        var count = 1 + (int)Math.Round(5 * Strength * random.NextDouble());
        var thickness = Math.Max(1, (int)Math.Round(Pixels(image, 2.5)));
        for (var i = 0; i < count; i++)
        {
            var ink = Inks[random.Next(Inks.Length)];
            var stroke = random.Next(3) == 0 ? Circle(image, random) : Cursive(image, random);
            Cv2.Polylines(result, [stroke], isClosed: false, ink, thickness, LineTypes.AntiAlias);
        }

        return (result, Homography.Identity);
    }

    /// <summary>A line of joined-up loops, like a hurried word or signature.</summary>
    private static Point[] Cursive(Mat image, Random random)
    {
        var (x0, y0) = (Between(random, 0.05, 0.7) * image.Width, Between(random, 0.05, 0.95) * image.Height);
        var length = Between(random, 0.08, 0.25) * image.Width;
        var loop = Pixels(image, Between(random, 8, 18));
        var loops = random.Next(4, 12);
        var points = new Point[loops * 12];
        for (var i = 0; i < points.Length; i++)
        {
            var t = i / (double)points.Length;
            var phase = 2 * Math.PI * loops * t;

            // A prolate cycloid: moving right while circling, with the height varying as letters do.
            var height = loop * (0.6 + (0.4 * Math.Sin(phase * 0.37)));
            points[i] = new Point(x0 + (t * length) + (loop * 0.8 * Math.Cos(phase)), y0 + (height * Math.Sin(phase)) + (loop * 0.3 * Math.Sin(t * 5)));
        }

        return points;
    }

    /// <summary>An unclosed loop around something, as a reader circles a finding.</summary>
    private static Point[] Circle(Mat image, Random random)
    {
        var (cx, cy) = (Between(random, 0.1, 0.9) * image.Width, Between(random, 0.1, 0.9) * image.Height);
        var (rx, ry) = (Pixels(image, Between(random, 40, 120)), Pixels(image, Between(random, 25, 80)));
        var start = Between(random, 0, 2 * Math.PI);
        var points = new Point[60];
        for (var i = 0; i < points.Length; i++)
        {
            var angle = start + (2.2 * Math.PI * i / points.Length);
            var wobble = 1 + (0.08 * Math.Sin(angle * 3));
            points[i] = new Point(cx + (rx * wobble * Math.Cos(angle)), cy + (ry * wobble * Math.Sin(angle)));
        }

        return points;
    }
}
