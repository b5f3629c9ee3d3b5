using EcgScope.Core;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Formats.Pdf.Tests;

/// <summary>A realistic single-lead trace for the PDF tests, from the product's ECGSYN generator.</summary>
internal static class SyntheticEcg
{
    public static double[] Generate(int sampleCount, double samplingRateHz = 512, double heartRateBpm = 70, int seed = 1)
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
        return generated.Record.Leads[0].Span[..sampleCount].ToArray();
    }
}
