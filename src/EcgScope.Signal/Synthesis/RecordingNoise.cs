using EcgScope.Core;

namespace EcgScope.Signal.Synthesis;

/// <summary>
/// The noise of a badly made ambulatory recording, in the three kinds of the MIT-BIH Noise Stress Test Database
/// (baseline wander, muscle artefact, electrode motion), drawn from a seed rather than recorded. The levels are set so
/// that <see cref="Quality.SignalQuality"/> judges every noisy demo unacceptable (kurtosis under 5, beats correlating
/// under 0.66 with their median beat) while the R-peak detector still finds most beats.
/// </summary>
internal static class RecordingNoise
{
    /// <summary>Adds wander, muscle noise and motion bursts (mV) to <paramref name="millivolts"/>.</summary>
    public static void Add(Span<double> millivolts, SamplingRate rate, Random random)
    {
        AddBaselineWander(millivolts, rate, random);
        AddMuscleNoise(millivolts, rate, random);
        AddMotionBursts(millivolts, rate, random);
    }

    /// <summary>Breathing (0.15–0.35 Hz, 0.4 mV) on a slow drift (0.03–0.08 Hz, 0.4 mV).</summary>
    private static void AddBaselineWander(Span<double> millivolts, SamplingRate rate, Random random)
    {
        var breathingHz = 0.15 + (0.2 * random.NextDouble());
        var driftHz = 0.03 + (0.05 * random.NextDouble());
        var breathingPhase = 2 * Math.PI * random.NextDouble();
        var driftPhase = 2 * Math.PI * random.NextDouble();
        for (var n = 0; n < millivolts.Length; n++)
        {
            var t = rate.SecondsAt(n);
            millivolts[n] += (0.4 * Math.Sin((2 * Math.PI * breathingHz * t) + breathingPhase))
                + (0.4 * Math.Sin((2 * Math.PI * driftHz * t) + driftPhase));
        }
    }

    /// <summary>
    /// Broadband Gaussian noise whose standard deviation swells between 0.2 and 0.45 mV every 5–10 s, as muscles
    /// tense and relax.
    /// </summary>
    private static void AddMuscleNoise(Span<double> millivolts, SamplingRate rate, Random random)
    {
        var swellHz = 0.1 + (0.1 * random.NextDouble());
        var phase = 2 * Math.PI * random.NextDouble();
        for (var n = 0; n < millivolts.Length; n++)
        {
            var swell = 0.5 * (1 + Math.Sin((2 * Math.PI * swellHz * rate.SecondsAt(n)) + phase));
            millivolts[n] += (0.2 + (0.25 * swell)) * SyntheticEcg.Gaussian(random);
        }
    }

    /// <summary>
    /// Electrode motion: one burst in every 2.5 s stretch, starting anywhere in it, each 0.5–2 s long, a Hann-windowed sum
    /// of three swings at 0.5–5 Hz with a peak of 1–2.5 mV.
    /// </summary>
    private static void AddMotionBursts(Span<double> millivolts, SamplingRate rate, Random random)
    {
        const double StretchSeconds = 2.5;
        for (var stretch = 0.0; stretch < millivolts.Length / rate.Hertz; stretch += StretchSeconds)
        {
            var first = rate.SamplesIn(stretch + (StretchSeconds * random.NextDouble()));
            var seconds = 0.5 + (1.5 * random.NextDouble());
            var peak = (1 + (1.5 * random.NextDouble())) / 3;
            var swings = Enumerable.Range(0, 3).Select(_ => (Hz: 0.5 + (4.5 * random.NextDouble()), Phase: 2 * Math.PI * random.NextDouble())).ToArray();
            var length = Math.Min(rate.SamplesIn(seconds), millivolts.Length - first);
            for (var k = 0; k < length; k++)
            {
                var t = rate.SecondsAt(k);
                var window = 0.5 * (1 - Math.Cos(2 * Math.PI * t / seconds));
                var swing = swings.Sum(s => Math.Sin((2 * Math.PI * s.Hz * t) + s.Phase));
                millivolts[first + k] += peak * window * swing;
            }
        }
    }
}
