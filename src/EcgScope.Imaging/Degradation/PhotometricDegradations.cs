using EcgScope.Imaging.Rendering;
using OpenCvSharp;

namespace EcgScope.Imaging.Degradation;

/// <summary>Out of focus or a soft scan: a Gaussian blur of up to 2.5 px (at 200 dpi) at full strength.</summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record Blur(double Strength) : PrintoutDegradation(Strength)
{
    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        var sigma = Pixels(image, 2.5) * Strength;
        var result = new Mat();
        if (sigma < 0.05)
        {
            image.CopyTo(result);
        }
        else
        {
            Cv2.GaussianBlur(image, result, new Size(0, 0), sigma);
        }

        return (result, Homography.Identity);
    }
}

/// <summary>JPEG re-encoding at a quality from 95 (strength 0) down to 15 (strength 1).</summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record JpegCompression(double Strength) : PrintoutDegradation(Strength)
{
    /// <summary>The JPEG quality used, from 15 to 95.</summary>
    public int Quality => (int)Math.Round(95 - (80 * Strength));

    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        Cv2.ImEncode(".jpg", image, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, Quality));
        return (Cv2.ImDecode(jpeg, ImreadModes.Color), Homography.Identity);
    }
}

/// <summary>
/// Sensor noise: Gaussian, independent per pixel, up to 25 grey levels of standard deviation at full strength; the same
/// on the three channels (luminance noise, as a phone's processing leaves it), which also makes it three times cheaper.
/// </summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record GaussianNoise(double Strength) : PrintoutDegradation(Strength)
{
    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(random);

        // OpenCV's own generator, seeded from ours: as repeatable, and much faster than drawing millions of numbers here.
        var generator = new RNG((ulong)random.NextInt64(1, long.MaxValue));
        using var grey = new Mat(image.Size(), MatType.CV_16SC1);
        generator.Fill(grey, DistributionType.Normal, InputArray.Create(Scalar.All(0)), InputArray.Create(Scalar.All(25 * Strength)));
        using var noise = new Mat();
        Cv2.Merge([grey, grey, grey], noise);
        using var wide = new Mat();
        image.ConvertTo(wide, MatType.CV_16SC3);
        using var sum = new Mat();
        Cv2.Add(wide, noise, sum);
        var result = new Mat();
        sum.ConvertTo(result, MatType.CV_8UC3);
        return (result, Homography.Identity);
    }
}

/// <summary>
/// Uneven lighting: light falling off across the page in a random direction and a soft shadow (a hand, a phone) at a
/// random place, darkening by up to half at full strength.
/// </summary>
/// <param name="Strength">From 0 to 1.</param>
public sealed record UnevenLighting(double Strength) : PrintoutDegradation(Strength)
{
    /// <inheritdoc />
    public override (Mat Image, Homography Warp) Apply(Mat image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);

        // Built coarse (one value per 8 x 8 pixels) and enlarged: lighting has no sharp detail.
        var (width, height) = ((image.Width + 7) / 8, (image.Height + 7) / 8);
        var angle = Between(random, 0, 2 * Math.PI);
        var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
        var falloff = 0.3 * Strength;
        var (shadowX, shadowY) = (Between(random, 0, width), Between(random, 0, height));
        var shadowRadius = Between(random, 0.2, 0.45) * Math.Max(width, height);
        var shadowDepth = Between(random, 0.15, 0.3) * Strength;
        var field = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var along = 0.5 + ((((x / (double)width) - 0.5) * dx) + (((y / (double)height) - 0.5) * dy));
                var distance = Math.Sqrt(((x - shadowX) * (x - shadowX)) + ((y - shadowY) * (y - shadowY))) / shadowRadius;
                var shadow = shadowDepth / (1 + Math.Pow(distance, 4));
                field[(y * width) + x] = (byte)Math.Round(ShadeUnit * (1 - (falloff * along)) * (1 - shadow));
            }
        }

        using var coarse = Mat.FromPixelData(height, width, MatType.CV_8UC1, field);
        using var shade = new Mat();
        Cv2.Resize(coarse, shade, image.Size(), 0, 0, InterpolationFlags.Linear);
        return (Shaded(image, shade), Homography.Identity);
    }
}
