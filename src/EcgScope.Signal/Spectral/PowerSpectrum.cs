using System.Collections.Immutable;
using System.Numerics;
using EcgScope.Core;

namespace EcgScope.Signal.Spectral;

/// <summary>A one-sided power spectral density: <see cref="Density"/>[k] (signal units² per Hz) at k·<see cref="ResolutionHz"/>.</summary>
/// <param name="Density">PSD values from 0 Hz up to Nyquist.</param>
/// <param name="ResolutionHz">Frequency spacing between bins, in hertz.</param>
public sealed record PowerSpectrum(ImmutableArray<double> Density, double ResolutionHz)
{
    /// <summary>
    /// Power (signal units²) in [<paramref name="lowHz"/>, <paramref name="highHz"/>): the sum of the bins whose
    /// centre frequency falls in the band, times the resolution.
    /// </summary>
    public double BandPower(double lowHz, double highHz)
    {
        var total = 0.0;
        for (var k = 0; k < Density.Length; k++)
        {
            var frequency = k * ResolutionHz;
            if (frequency >= lowHz && frequency < highHz)
            {
                total += Density[k];
            }
        }

        return total * ResolutionHz;
    }

    /// <summary>
    /// Welch's averaged periodogram (P. D. Welch, IEEE Trans. Audio Electroacoust. 15(2), 1967): Hann-windowed
    /// segments with 50 % overlap, mean removed per segment, scaled so that the PSD integrates to the signal's
    /// variance. Segments are <paramref name="segmentSeconds"/> long rounded up to a power of two samples, but no
    /// longer than the signal; resolution is the rate over the segment length. Samples must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 8 samples.</exception>
    public static PowerSpectrum Welch(ReadOnlySpan<double> samples, SamplingRate samplingRate, double segmentSeconds = 8)
    {
        if (samples.Length < 8)
        {
            throw new ArgumentException($"Welch's method needs at least 8 samples, got {samples.Length}.", nameof(samples));
        }

        var segment = Math.Min(Fft.NextPowerOfTwo(samplingRate.SamplesIn(segmentSeconds)), (int)BitOperations.RoundUpToPowerOf2((uint)samples.Length + 1) / 2);
        var window = new double[segment];
        var windowPower = 0.0;
        for (var i = 0; i < segment; i++)
        {
            window[i] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / segment)); // periodic Hann, as SciPy
            windowPower += window[i] * window[i];
        }

        var density = new double[(segment / 2) + 1];
        var buffer = new Complex[segment];
        var segments = 0;
        for (var start = 0; start + segment <= samples.Length; start += segment / 2)
        {
            var piece = samples.Slice(start, segment);
            var mean = 0.0;
            foreach (var x in piece)
            {
                mean += x;
            }

            mean /= segment;
            for (var i = 0; i < segment; i++)
            {
                buffer[i] = new Complex((piece[i] - mean) * window[i], 0);
            }

            Fft.Forward(buffer);
            for (var k = 0; k < density.Length; k++)
            {
                var power = (buffer[k].Real * buffer[k].Real) + (buffer[k].Imaginary * buffer[k].Imaginary);
                var oneSided = k == 0 || k == segment / 2 ? 1 : 2;
                density[k] += oneSided * power;
            }

            segments++;
        }

        var scale = 1 / (samplingRate.Hertz * windowPower * segments);
        for (var k = 0; k < density.Length; k++)
        {
            density[k] *= scale;
        }

        return new PowerSpectrum(ImmutableArray.Create(density), samplingRate.Hertz / segment);
    }
}
