using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Spectral;

namespace EcgScope.Signal.Features;

/// <summary>
/// Where the lead's power lies (Welch's PSD of the unfiltered lead): shares of the total in bands that separate
/// baseline wander (below 1 Hz), the beat's low frequencies and AF's fibrillatory waves (1–5 Hz and 5–15 Hz hold the
/// QRS energy too), muscle noise (15–40 Hz) and above; the dominant frequency and the spectral entropy of 0.5–40 Hz.
/// </summary>
internal static class SpectrumShape
{
    private static readonly (string Name, double LowHz, double HighHz)[] Bands =
    [
        ("powerShare0To1Hz", 0, 1), ("powerShare1To5Hz", 1, 5), ("powerShare5To15Hz", 5, 15),
        ("powerShare15To40Hz", 15, 40), ("powerShareAbove40Hz", 40, double.PositiveInfinity),
    ];

    private const double BeatLowHz = 0.5, BeatHighHz = 40;

    /// <summary>The measures in output order.</summary>
    public static ImmutableArray<string> Names { get; } = [.. Bands.Select(band => band.Name), "dominantFrequencyHz", "spectralEntropy"];

    /// <summary>Writes the measures of <paramref name="bridged"/> (finite samples, at least 8) into <paramref name="output"/>.</summary>
    public static void Measure(ReadOnlySpan<double> bridged, SamplingRate samplingRate, Span<double> output)
    {
        var features = new FeatureWriter(Names.AsSpan(), output);
        var spectrum = PowerSpectrum.Welch(bridged, samplingRate);
        var total = spectrum.BandPower(0, double.PositiveInfinity);
        if (!(total > 0))
        {
            return;
        }

        foreach (var (name, low, high) in Bands)
        {
            features.Write(name, spectrum.BandPower(low, high) / total);
        }

        var density = spectrum.Density.AsSpan();
        var first = (int)Math.Ceiling(BeatLowHz / spectrum.ResolutionHz);
        var last = Math.Min(density.Length - 1, (int)Math.Floor(BeatHighHz / spectrum.ResolutionHz));
        if (last <= first)
        {
            return;
        }

        var band = density[first..(last + 1)];
        var peak = 0;
        var bandTotal = 0.0;
        for (var k = 0; k < band.Length; k++)
        {
            peak = band[k] > band[peak] ? k : peak;
            bandTotal += band[k];
        }

        features.Write("dominantFrequencyHz", (first + peak) * spectrum.ResolutionHz);
        features.Write("spectralEntropy", bandTotal > 0 ? NormalisedEntropy(band, bandTotal) : double.NaN);
    }

    /// <summary>Shannon entropy of the normalised spectrum over the log of its bin count: 0 for a pure tone, 1 for white noise.</summary>
    private static double NormalisedEntropy(ReadOnlySpan<double> density, double total)
    {
        var entropy = 0.0;
        foreach (var value in density)
        {
            var p = value / total;
            entropy -= p > 0 ? p * Math.Log(p) : 0;
        }

        return entropy / Math.Log(density.Length);
    }
}
