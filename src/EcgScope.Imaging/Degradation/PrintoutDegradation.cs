using EcgScope.Imaging.Rendering;
using OpenCvSharp;

namespace EcgScope.Imaging.Degradation;

/// <summary>
/// One way a printout is damaged on its way to a picture (a tilt, a blur, a crease...), at a strength from 0 (none)
/// to 1 (as bad as a usable picture gets). Pure: the input image is never changed.
/// </summary>
public abstract record PrintoutDegradation
{
    /// <summary>Creates a degradation of <paramref name="strength"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The strength is not in [0, 1].</exception>
    protected PrintoutDegradation(double strength)
    {
        if (!(strength is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "A degradation's strength runs from 0 to 1.");
        }

        Strength = strength;
    }

    /// <summary>How strong it is, from 0 (none) to 1.</summary>
    public double Strength { get; }

    /// <summary>
    /// Applies the degradation to <paramref name="image"/> (8-bit BGR), drawing whatever it chooses at random from
    /// <paramref name="random"/>.
    /// </summary>
    /// <returns>A new image and the map from the input's pixels to its pixels (the identity unless it moves them).</returns>
    public abstract (Mat Image, Homography Warp) Apply(Mat image, Random random);

    /// <summary>How many pixels <paramref name="pixelsAt200Dpi"/> are on <paramref name="image"/>, taking its width for a 281 mm page.</summary>
    protected static double Pixels(Mat image, double pixelsAt200Dpi)
    {
        ArgumentNullException.ThrowIfNull(image);
        return pixelsAt200Dpi * image.Width / 2213.0;
    }

    /// <summary>A uniform draw from <paramref name="low"/> to <paramref name="high"/>.</summary>
    protected static double Between(Random random, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(random);
        return low + (random.NextDouble() * (high - low));
    }

    /// <summary>The 8-bit shade value that leaves a pixel as it is; room above it lets a shade brighten by up to 27 %.</summary>
    protected const double ShadeUnit = 200;

    /// <summary>
    /// The image multiplied, channel by channel, by <paramref name="shade"/> (one 8-bit value per pixel,
    /// <see cref="ShadeUnit"/> = unchanged). Eight-bit throughout: three times faster than in floating point.
    /// </summary>
    protected static Mat Shaded(Mat image, Mat shade)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var shade3 = new Mat();
        Cv2.CvtColor(shade, shade3, ColorConversionCodes.GRAY2BGR);
        var result = new Mat();
        Cv2.Multiply(image, shade3, result, 1 / ShadeUnit);
        return result;
    }
}
