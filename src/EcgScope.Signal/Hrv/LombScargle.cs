namespace EcgScope.Signal.Hrv;

/// <summary>
/// The Lomb-Scargle periodogram of unevenly sampled data (Lomb 1976; Scargle 1982, with the time offset τ that makes
/// it invariant to shifts in time), scaled to a one-sided power spectral density.
/// </summary>
internal sealed class LombScargle
{
    private const int Oversampling = 4;
    private const int MaxFrequencies = 4000;

    private readonly double[] density;

    private LombScargle(double[] density, double resolutionHz)
    {
        this.density = density;
        ResolutionHz = resolutionHz;
    }

    /// <summary>Spacing of the frequency grid, Hz: 1/(4·span), coarsened so the grid has at most 4000 points.</summary>
    public double ResolutionHz { get; }

    /// <summary>
    /// The density (value units² per Hz) at k·resolution for k = 1 … up to <paramref name="maxHz"/>. The classical
    /// periodogram P(f) of N samples over <paramref name="spanSeconds"/> T is converted as PSD = 2·P·T/N: for evenly
    /// sampled data that is the one-sided periodogram, and its integral equals the variance (Parseval).
    /// </summary>
    public static LombScargle Density(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double maxHz, double spanSeconds)
    {
        var mean = Statistics.Mean(values);
        var resolution = Math.Max(1 / (Oversampling * spanSeconds), maxHz / MaxFrequencies);
        var count = (int)Math.Floor(maxHz / resolution);
        var density = new double[count + 1];
        var scale = 2 * spanSeconds / values.Length;
        for (var k = 1; k <= count; k++)
        {
            var omega = 2 * Math.PI * k * resolution;
            double sin2 = 0, cos2 = 0;
            foreach (var t in times)
            {
                sin2 += Math.Sin(2 * omega * t);
                cos2 += Math.Cos(2 * omega * t);
            }

            var tau = Math.Atan2(sin2, cos2) / (2 * omega);
            double yc = 0, ys = 0, cc = 0, ss = 0;
            for (var i = 0; i < times.Length; i++)
            {
                var (s, c) = Math.SinCos(omega * (times[i] - tau));
                var y = values[i] - mean;
                yc += y * c;
                ys += y * s;
                cc += c * c;
                ss += s * s;
            }

            var periodogram = 0.5 * (((yc * yc) / cc) + ((ys * ys) / ss));
            density[k] = scale * periodogram;
        }

        return new LombScargle(density, resolution);
    }

    /// <summary>Power in [<paramref name="lowHz"/>, <paramref name="highHz"/>): the density summed over the grid points in the band times the resolution.</summary>
    public double Power(double lowHz, double highHz)
    {
        var total = 0.0;
        for (var k = FirstIndex(lowHz); k < density.Length && k * ResolutionHz < highHz; k++)
        {
            total += density[k];
        }

        return total * ResolutionHz;
    }

    /// <summary>The grid frequency with the largest density in [<paramref name="lowHz"/>, <paramref name="highHz"/>).</summary>
    public double PeakFrequency(double lowHz, double highHz)
    {
        var best = FirstIndex(lowHz);
        for (var k = best; k < density.Length && k * ResolutionHz < highHz; k++)
        {
            if (density[k] > density[best])
            {
                best = k;
            }
        }

        return best * ResolutionHz;
    }

    private int FirstIndex(double lowHz) => (int)Math.Ceiling(lowHz / ResolutionHz);
}
