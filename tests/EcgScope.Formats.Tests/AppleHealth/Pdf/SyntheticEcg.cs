namespace EcgScope.Formats.Tests.AppleHealth.Pdf;

/// <summary>
/// A realistic single-lead ECG for tests: every beat a sum of Gaussian P, Q, R, S and T waves (after McSharry et al.,
/// "A dynamical model for generating synthetic electrocardiogram signals", IEEE TBME 50(3), 2003), with slight
/// beat-to-beat variation, baseline wander and noise.
/// </summary>
internal static class SyntheticEcg
{
    // (offset from the R peak in s, amplitude in mV, width in s) for P, Q, R, S, T.
    private static readonly (double Offset, double Amplitude, double Width)[] Waves =
    [
        (-0.20, 0.12, 0.025), (-0.035, -0.10, 0.010), (0, 1.10, 0.012), (0.035, -0.22, 0.011), (0.28, 0.30, 0.045),
    ];

    public static double[] Generate(int sampleCount, double samplingRateHz = 512, double heartRateBpm = 70, int seed = 1)
    {
        var random = new Random(seed);
        var signal = new double[sampleCount];
        var duration = sampleCount / samplingRateHz;
        for (var beat = 0.3; beat < duration + 0.5; beat += 60 / heartRateBpm * (1 + (0.04 * (random.NextDouble() - 0.5))))
        {
            foreach (var (offset, amplitude, width) in Waves)
            {
                var centre = beat + offset;
                var from = Math.Max(0, (int)((centre - (5 * width)) * samplingRateHz));
                var to = Math.Min(sampleCount - 1, (int)((centre + (5 * width)) * samplingRateHz));
                for (var i = from; i <= to; i++)
                {
                    var t = (i / samplingRateHz) - centre;
                    signal[i] += amplitude * Math.Exp(-t * t / (2 * width * width));
                }
            }
        }

        for (var i = 0; i < sampleCount; i++)
        {
            var t = i / samplingRateHz;
            signal[i] += (0.08 * Math.Sin(2 * Math.PI * 0.25 * t)) + (0.01 * (random.NextDouble() - 0.5));
        }

        return signal;
    }
}
