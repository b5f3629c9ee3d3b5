using EcgScope.Core;

namespace EcgScope.Signal.Synthesis;

/// <summary>
/// Atrial fibrillation in <see cref="SyntheticEcg"/>: irregularly irregular RR intervals, no P wave, and fibrillatory
/// f-waves in its place.
/// </summary>
public sealed record AtrialFibrillationOptions
{
    /// <summary>
    /// Standard deviation over mean of the log-normal distribution the RR intervals are drawn from (default 0.2; 0–0.5
    /// accepted; draws shorter than the QRS-T complex and 50 ms are drawn again). The RR intervals of CinC 2017's AF
    /// recordings, as this library's default detector finds them, have a median of 0.21 (quartiles 0.16 and 0.27,
    /// 394 recordings); its normal ones 0.07.
    /// </summary>
    public double RrCoefficientOfVariation { get; init; } = 0.2;

    /// <summary>Mean f-wave frequency, Hz (default 6; 4–9 accepted). It swings ±0.25 Hz around this at 0.2 Hz.</summary>
    public double FibrillatoryWaveHz { get; init; } = 6;

    /// <summary>
    /// Mean amplitude of the f-wave sawtooth, about its peak, mV (default 0.05; 0–0.2 accepted). It swings by a third
    /// around this at 0.2 Hz.
    /// </summary>
    public double FibrillatoryWaveMillivolts { get; init; } = 0.05;
}

/// <summary>The RR intervals and atrial activity of atrial fibrillation.</summary>
internal static class AtrialFibrillationModel
{
    /// <summary>Harmonics of the sawtooth f-wave.</summary>
    public const int Harmonics = 3;

    /// <summary>Peak deviation of the f-wave frequency from its mean, Hz, and the rate of that modulation.</summary>
    public const double FrequencyDeviationHz = 0.25, FrequencyModulationHz = 0.2;

    /// <summary>Amplitude modulation: a third of the mean amplitude, at this rate.</summary>
    private const double AmplitudeModulationHz = 0.2;

    /// <summary>
    /// RR intervals (s) drawn independently from a log-normal distribution of the given mean and coefficient of
    /// variation, until they cover <paramref name="seconds"/>. Independent draws, without the respiratory and Mayer
    /// modulation of sinus rhythm, because during AF the intervals are close to uncorrelated from beat to beat (the
    /// RR spectrum is white above the lowest frequencies) and their distribution is skewed to long intervals (its tail
    /// is exponential): T. Hennig et al., "Exponential distribution of long heart beat intervals during atrial
    /// fibrillation and their relevance for white noise behaviour in power spectrum", 2006, arXiv:cond-mat/0605295.
    /// Draws below <paramref name="shortestSeconds"/> are drawn again, as the atrioventricular node's refractory period
    /// lets no shorter interval through.
    /// </summary>
    public static double[] RrIntervals(double meanRrSeconds, double coefficientOfVariation, double shortestSeconds, double seconds, Random random)
    {
        var sigma = Math.Sqrt(Math.Log(1 + (coefficientOfVariation * coefficientOfVariation)));
        var mu = Math.Log(meanRrSeconds) - (sigma * sigma / 2);
        var rr = new List<double>();
        for (var time = 0.0; time < seconds + (2 * meanRrSeconds);)
        {
            var interval = Math.Exp(mu + (sigma * SyntheticEcg.Gaussian(random)));
            if (interval < shortestSeconds)
            {
                continue;
            }

            rr.Add(interval);
            time += interval;
        }

        return [.. rr];
    }

    /// <summary>
    /// Adds f-waves (mV) by the sawtooth model of M. Stridh &amp; L. Sörnmo, "Spatiotemporal QRST cancellation
    /// techniques for analysis of atrial fibrillation", IEEE Trans. Biomed. Eng. 48(1):105–111, 2001: the sum of
    /// <see cref="Harmonics"/> harmonics of amplitude 2a/(iπ), the frequency swinging ±<see cref="FrequencyDeviationHz"/>
    /// around its mean and the amplitude a ± a/3, both at 0.2 Hz from random phases.
    /// </summary>
    public static void AddFibrillatoryWaves(Span<double> millivolts, SamplingRate rate, AtrialFibrillationOptions options, Random random)
    {
        var frequencyPhase = 2 * Math.PI * random.NextDouble();
        var amplitudePhase = 2 * Math.PI * random.NextDouble();
        var startPhase = 2 * Math.PI * random.NextDouble();
        var mean = options.FibrillatoryWaveMillivolts;
        for (var n = 0; n < millivolts.Length; n++)
        {
            var t = rate.SecondsAt(n);
            var phase = startPhase + (2 * Math.PI * options.FibrillatoryWaveHz * t)
                + (FrequencyDeviationHz / FrequencyModulationHz * Math.Sin((2 * Math.PI * FrequencyModulationHz * t) + frequencyPhase));
            var amplitude = mean + (mean / 3 * Math.Sin((2 * Math.PI * AmplitudeModulationHz * t) + amplitudePhase));
            var wave = 0.0;
            for (var i = 1; i <= Harmonics; i++)
            {
                wave += 2 * amplitude / (i * Math.PI) * Math.Sin(i * phase);
            }

            millivolts[n] -= wave;
        }
    }
}
