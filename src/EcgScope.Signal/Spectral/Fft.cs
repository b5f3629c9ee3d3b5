using System.Numerics;

namespace EcgScope.Signal.Spectral;

/// <summary>
/// In-place iterative radix-2 fast Fourier transform (Cooley &amp; Tukey, "An algorithm for the machine calculation of
/// complex Fourier series", Math. Comp. 19, 1965). Lengths must be powers of two.
/// </summary>
internal static class Fft
{
    /// <summary>Forward transform X[k] = Σ x[n]·e^(−2πikn/N), in place.</summary>
    public static void Forward(Span<Complex> data)
    {
        var n = data.Length;
        if (n == 0 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException($"FFT length {n} is not a power of two.", nameof(data));
        }

        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var step = Complex.FromPolarCoordinates(1, -2 * Math.PI / length);
            for (var start = 0; start < n; start += length)
            {
                var twiddle = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + (length / 2)] * twiddle;
                    data[start + k] = even + odd;
                    data[start + k + (length / 2)] = even - odd;
                    twiddle *= step;
                }
            }
        }
    }

    /// <summary>The smallest power of two ≥ <paramref name="value"/>.</summary>
    public static int NextPowerOfTwo(int value) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, value));
}
