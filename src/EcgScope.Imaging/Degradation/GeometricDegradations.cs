using EcgScope.Imaging.Rendering;
using OpenCvSharp;

namespace EcgScope.Imaging.Degradation;

/// <summary>The page tilted on the scanner glass: up to ±6° at full strength about the image's centre, the uncovered corners the lid's light grey.</summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record Rotation(double Strength) : PrintoutDegradation(Strength)
{
    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        var degrees = Between(random, -6, 6) * Strength;
        using var affine = Cv2.GetRotationMatrix2D(new Point2f((image.Width - 1) / 2f, (image.Height - 1) / 2f), degrees, 1);
        var result = new Mat();
        Cv2.WarpAffine(image, result, affine, image.Size(), InterpolationFlags.Linear, BorderTypes.Constant, new Scalar(225, 225, 225));
        affine.GetArray(out double[] coefficients);
        return (result, new Homography([.. coefficients, 0, 0, 1]));
    }
}

/// <summary>
/// A phone photo taken at an angle: each corner of the page pulled in by up to 14 % of the image's size at full
/// strength, the table showing around it.
/// </summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record Perspective(double Strength) : PrintoutDegradation(Strength)
{
    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = (image.Width - 1f, image.Height - 1f);
        Point2f[] page = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        var reach = 0.14 * Strength;
        Point2f[] photo = [.. page.Select(corner => new Point2f(
            (float)(corner.X + ((corner.X == 0 ? 1 : -1) * Between(random, 0, reach) * width)),
            (float)(corner.Y + ((corner.Y == 0 ? 1 : -1) * Between(random, 0, reach) * height))))];
        using var transform = Cv2.GetPerspectiveTransform(page, photo);
        var table = new Scalar(Between(random, 60, 110), Between(random, 70, 120), Between(random, 80, 130));
        var result = new Mat();
        Cv2.WarpPerspective(image, result, transform, image.Size(), InterpolationFlags.Linear, BorderTypes.Constant, table);
        transform.GetArray(out double[] coefficients);
        return (result, new Homography([.. coefficients]));
    }
}
