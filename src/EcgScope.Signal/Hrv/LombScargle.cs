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

        // cos/sin of ω·t for every sample, advanced from one grid frequency to the next by a rotation through
        // Δω·t (the trigonometric recurrence of Press et al., Numerical Recipes, §13.8): no trig in the inner loop.
        var n = times.Length;
        var (cosine, sine, stepCosine, stepSine) = (new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            (stepSine[i], stepCosine[i]) = Math.SinCos(2 * Math.PI * resolution * (times[i] - times[0]));
            (cosine[i], sine[i]) = (stepCosine[i], stepSine[i]);
        }

        for (var k = 1; k <= count; k++)
        {
            // τ: tan(2ωτ) = Σ sin 2ωt / Σ cos 2ωt, which decorrelates the sine and cosine terms.
            double sin2 = 0, cos2 = 0;
            for (var i = 0; i < n; i++)
            {
                sin2 += 2 * sine[i] * cosine[i];
                cos2 += (cosine[i] - sine[i]) * (cosine[i] + sine[i]);
            }

            var (sinTau, cosTau) = Math.SinCos(Math.Atan2(sin2, cos2) / 2);
            double yc = 0, ys = 0, cc = 0, ss = 0;
            for (var i = 0; i < n; i++)
            {
                var c = (cosine[i] * cosTau) + (sine[i] * sinTau); // cos ω(t − τ)
                var s = (sine[i] * cosTau) - (cosine[i] * sinTau); // sin ω(t − τ)
                var y = values[i] - mean;
                yc += y * c;
                ys += y * s;
                cc += c * c;
                ss += s * s;
                (cosine[i], sine[i]) = ((cosine[i] * stepCosine[i]) - (sine[i] * stepSine[i]), (sine[i] * stepCosine[i]) + (cosine[i] * stepSine[i]));
            }

            // A term vanishes where every sample sits on a zero of its basis function (evenly spaced beats at their Nyquist).
            var periodogram = 0.5 * ((cc > 1e-12 ? yc * yc / cc : 0) + (ss > 1e-12 ? ys * ys / ss : 0));
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
