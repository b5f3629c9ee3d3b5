using EcgScope.Core;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Formats.Pdf.Tests;

/// <summary>Single-lead traces for the PDF tests: realistic ones from the product's ECGSYN generator, and beat trains with set R-peak times.</summary>
internal static class SyntheticEcg
{
    public static double[] Generate(int sampleCount, double samplingRateHz = 512, double heartRateBpm = 70, int seed = 1) =>
        GenerateWithPeaks(sampleCount, samplingRateHz, heartRateBpm, seed).Millivolts;

    /// <summary>An ECGSYN trace and the sample index of each R peak in it.</summary>
    public static (double[] Millivolts, int[] RPeaks) GenerateWithPeaks(int sampleCount, double samplingRateHz = 512, double heartRateBpm = 70, int seed = 1)
    {
        var generated = Signal.Synthesis.SyntheticEcg.Generate(new SyntheticEcgOptions
        {
            SamplingRate = new SamplingRate(samplingRateHz),
            DurationSeconds = Math.Ceiling(sampleCount / samplingRateHz) + 1,
            HeartRateBpm = heartRateBpm,
            NoiseMillivolts = 0.005,
            BaselineWanderMillivolts = 0.08,
            Seed = seed,
        });
        return (generated.Record.Leads[0].Span[..sampleCount].ToArray(), [.. generated.RPeaks.Where(peak => peak < sampleCount)]);
    }

    /// <summary>
    /// A beat train at 512 Hz with R peaks at <paramref name="beatSeconds"/>: sinus beats (P, QRS of 1.2 mV, T), their
    /// QRS inverted when <paramref name="negativeQrs"/> (as in a genuine export), and wide premature beats at
    /// <paramref name="prematureSeconds"/> whose QRS dips <paramref name="prematureDepthMillivolts"/> below zero.
    /// </summary>
    public static double[] BeatTrain(
        int sampleCount,
        IEnumerable<double> beatSeconds,
        bool negativeQrs = false,
        IReadOnlySet<double>? prematureSeconds = null,
        double prematureDepthMillivolts = 2.4)
    {
        const double rate = 512;
        var signal = new double[sampleCount];
        var qrsSign = negativeQrs ? -1 : 1;
        foreach (var beat in beatSeconds)
        {
            (double Amplitude, double Offset, double Width)[] waves = prematureSeconds?.Contains(beat) == true
                ? [(-prematureDepthMillivolts, 0, 0.035), (0.6, 0.09, 0.03), (0.5, 0.32, 0.08)]
                : [(0.15, -0.16, 0.025), (-0.1 * qrsSign, -0.025, 0.008), (1.2 * qrsSign, 0, 0.01), (-0.25 * qrsSign, 0.03, 0.01), (0.3, 0.25, 0.06)];
            foreach (var (amplitude, offset, width) in waves)
            {
                var centre = (beat + offset) * rate;
                var reach = (int)(5 * width * rate);
                for (var i = Math.Max(0, (int)centre - reach); i < Math.Min(sampleCount, (int)centre + reach); i++)
                {
                    var z = (i - centre) / (width * rate);
                    signal[i] += amplitude * Math.Exp(-z * z / 2);
                }
            }
        }

        return signal;
    }
}
