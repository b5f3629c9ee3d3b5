using OpenCvSharp;

namespace EcgScope.ML.Printouts;

/// <summary>
/// Random changes a printout survives: a small rotation, scale and shift (as a scan or photo lies on the glass), a
/// change of brightness and contrast, and now and then a blur. Never a flip: that would move leads to other places.
/// </summary>
public sealed record PrintoutAugmentation
{
    /// <summary>Largest rotation either way, in degrees.</summary>
    public double MaxRotationDegrees { get; init; } = 2;

    /// <summary>Largest change of scale either way (0.05: 95 % to 105 %).</summary>
    public double MaxScaleChange { get; init; } = 0.05;

    /// <summary>Largest shift either way, as a share of the width and of the height.</summary>
    public double MaxShift { get; init; } = 0.03;

    /// <summary>Largest brightness change either way, in 8-bit levels.</summary>
    public double MaxBrightness { get; init; } = 20;

    /// <summary>Largest contrast change either way (0.15: 85 % to 115 %).</summary>
    public double MaxContrastChange { get; init; } = 0.15;

    /// <summary>The chance of a Gaussian blur.</summary>
    public double BlurChance { get; init; } = 0.3;

    /// <summary>The largest blur, as the Gaussian's standard deviation in pixels.</summary>
    public double MaxBlurSigma { get; init; } = 1;

    /// <summary>A changed copy of an 8-bit BGR image, every draw taken from <paramref name="random"/>; the caller disposes it.</summary>
    public Mat Apply(Mat bgr, Random random)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(random);
        var centre = new Point2f(bgr.Width / 2f, bgr.Height / 2f);
        using var warp = Cv2.GetRotationMatrix2D(centre, Uniform(random, MaxRotationDegrees), 1 + Uniform(random, MaxScaleChange));
        warp.Set(0, 2, warp.Get<double>(0, 2) + Uniform(random, MaxShift * bgr.Width));
        warp.Set(1, 2, warp.Get<double>(1, 2) + Uniform(random, MaxShift * bgr.Height));
        var result = new Mat();
        // What moves in from outside is blank paper.
        Cv2.WarpAffine(bgr, result, warp, bgr.Size(), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.White);
        result.ConvertTo(result, -1, 1 + Uniform(random, MaxContrastChange), Uniform(random, MaxBrightness));
        if (random.NextDouble() < BlurChance)
        {
            var sigma = 0.3 + (random.NextDouble() * (MaxBlurSigma - 0.3));
            Cv2.GaussianBlur(result, result, new Size(0, 0), sigma);
        }

        return result;
    }

    private static double Uniform(Random random, double limit) => ((random.NextDouble() * 2) - 1) * limit;
}
