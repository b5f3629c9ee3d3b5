using EcgScope.Core;

namespace EcgScope.Signal.Tests.Detection;

/// <summary>ECG-like test signals: each beat a sum of Gaussian waves (P, Q, R, S, T) around a known R position.</summary>
internal static class SyntheticEcg
{
    /// <summary>Beats at RR intervals drawn around <paramref name="meanRrSeconds"/> (±15 %, seeded), R at 1 mV.</summary>
    public static (double[] Signal, int[] RPeaks) Generate(SamplingRate rate, double seconds, double meanRrSeconds = 0.8, int seed = 1)
    {
        var hertz = rate.Hertz;
        var random = new Random(seed);
        var signal = new double[(int)(seconds * hertz)];
        var peaks = new List<int>();
        for (var t = 0.5; t < seconds - 0.5; t += meanRrSeconds * (0.85 + (0.3 * random.NextDouble())))
        {
            peaks.Add((int)Math.Round(t * hertz));
            AddWave(signal, hertz, t - 0.16, 0.15, 0.025);   // P
            AddWave(signal, hertz, t - 0.025, -0.12, 0.008); // Q
            AddWave(signal, hertz, t, 1.0, 0.010);            // R
            AddWave(signal, hertz, t + 0.028, -0.25, 0.010); // S
            AddWave(signal, hertz, t + 0.28, 0.30, 0.045);   // T
        }

        return (signal, peaks.ToArray());
    }

    /// <summary>Adds a Gaussian wave centred at <paramref name="centreSeconds"/>.</summary>
    public static void AddWave(double[] signal, double hertz, double centreSeconds, double amplitude, double widthSeconds)
    {
        var from = Math.Max(0, (int)((centreSeconds - (5 * widthSeconds)) * hertz));
        var to = Math.Min(signal.Length - 1, (int)((centreSeconds + (5 * widthSeconds)) * hertz));
        for (var i = from; i <= to; i++)
        {
            var z = ((i / hertz) - centreSeconds) / widthSeconds;
            signal[i] += amplitude * Math.Exp(-0.5 * z * z);
        }
    }
}
