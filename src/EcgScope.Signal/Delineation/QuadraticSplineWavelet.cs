using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// The undecimated (à trous) dyadic wavelet transform with the quadratic spline wavelet of Mallat and Zhong, as used by
/// Martínez et al. 2004 (IEEE TBME 51(4)): low-pass h = [1, 3, 3, 1] / 8 and high-pass g = [2, −2], both upsampled by
/// 2^(k−1) at scale 2^k. Each scale is a smoothed derivative of the signal: a wave's peak is a zero crossing and its
/// slopes are modulus maxima. The paper's scales assume 250 Hz; faster rates shift the scale numbers up by
/// log2(rate / 250) so the filters keep their bandwidth in hertz.
/// </summary>
internal static class QuadraticSplineWavelet
{
    private const double DesignRateHertz = 250;

    /// <summary>How many scales to add to the paper's scale numbers at <paramref name="rate"/> (0 at 250 Hz, 1 at 500 Hz).</summary>
    public static int ScaleShift(SamplingRate rate) => Math.Max(0, (int)Math.Round(Math.Log2(rate.Hertz / DesignRateHertz)));

    /// <summary>
    /// The detail coefficients W_1 … W_<paramref name="scales"/> of <paramref name="signal"/> (index 0 is W_1), each
    /// shifted back by its filters' delay so that W_k[n] is the smoothed derivative around sample n. The signal is
    /// held constant beyond its ends.
    /// </summary>
    public static double[][] Transform(ReadOnlySpan<double> signal, int scales)
    {
        var details = new double[scales][];
        var approximation = signal.ToArray();
        var next = new double[signal.Length];
        var delay = 0.0;
        for (var k = 1; k <= scales; k++)
        {
            var step = 1 << (k - 1);
            var detail = new double[signal.Length];

            // W_k = g_k * A_(k−1); the two taps' midpoint sits half a step behind, so the detail lags by delay + step/2.
            var shift = (int)Math.Floor(delay + (step / 2.0));
            for (var n = 0; n < signal.Length; n++)
            {
                detail[n] = 2 * (At(approximation, n + shift) - At(approximation, n + shift - step));
            }

            details[k - 1] = detail;
            for (var n = 0; n < signal.Length; n++)
            {
                next[n] = ((At(approximation, n) + (3 * At(approximation, n - step)) + (3 * At(approximation, n - (2 * step)))
                    + At(approximation, n - (3 * step))) / 8);
            }

            // The four-tap low-pass delays by 1.5 steps; keep the approximation unshifted and track the total.
            (approximation, next) = (next, approximation);
            delay += 1.5 * step;
        }

        return details;
    }

    private static double At(double[] samples, int index) => samples[Math.Clamp(index, 0, samples.Length - 1)];
}
