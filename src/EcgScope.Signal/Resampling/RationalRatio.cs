namespace EcgScope.Signal.Resampling;

/// <summary>A resampling factor Up/Down in lowest terms: the output has Up samples for every Down input samples.</summary>
/// <param name="Up">Interpolation factor (≥ 1).</param>
/// <param name="Down">Decimation factor (≥ 1).</param>
public readonly record struct RationalRatio(int Up, int Down)
{
    /// <summary>The largest Up or Down that <see cref="Approximate"/> picks: it bounds the filter at 32·4096 + 1 taps.</summary>
    public const int MaxTerm = 4096;

    /// <summary>The ratio as a number.</summary>
    public double Value => (double)Up / Down;

    /// <summary>
    /// The fraction nearest to <paramref name="ratio"/> (output rate over input rate) whose terms do not exceed
    /// <see cref="MaxTerm"/>, by continued-fraction convergents (exact for ratios of integer rates such as 360→500
    /// = 25/18). A rate with many decimals (512.508 Hz → 300 Hz) gets a close approximation; the relative error is
    /// <c>|Value/ratio − 1|</c>, typically below 10⁻⁷, far below the tolerance of recorders' clocks.
    /// </summary>
    public static RationalRatio Approximate(double ratio)
    {
        if (!double.IsFinite(ratio) || ratio <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "A resampling ratio must be a finite positive number.");
        }

        // Convergents h/k of the continued fraction: h(n) = a(n)·h(n−1) + h(n−2), same for k.
        long hPrevious = 1, kPrevious = 0, h = (long)Math.Floor(ratio), k = 1;
        var remainder = ratio - Math.Floor(ratio);
        var best = (h, k);
        while (remainder > 1e-12 && Math.Abs(((double)h / k) - ratio) > ratio * 1e-12)
        {
            var inverse = 1 / remainder;
            var term = (long)Math.Floor(inverse);
            remainder = inverse - term;
            (hPrevious, h) = (h, (term * h) + hPrevious);
            (kPrevious, k) = (k, (term * k) + kPrevious);
            if (h > MaxTerm || k > MaxTerm)
            {
                break;
            }

            best = (h, k);
        }

        if (best.h == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, $"The ratio is below 1/{MaxTerm}, too extreme to resample.");
        }

        return new RationalRatio((int)best.h, (int)best.k);
    }
}
