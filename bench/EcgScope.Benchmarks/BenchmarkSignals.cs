using EcgScope.Core;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Benchmarks;

/// <summary>The 30-minute, 360 Hz test signal (650 000 samples, like one MIT-BIH record) shared by the signal benchmarks.</summary>
internal static class BenchmarkSignals
{
    public static readonly SamplingRate Rate = new(360);

    public static double[] ThirtyMinutes() => ThirtyMinutesWithPeaks().Record.Leads[0].Span.ToArray();

    public static SyntheticEcgResult ThirtyMinutesWithPeaks() => SyntheticEcg.Generate(new SyntheticEcgOptions
    {
        SamplingRate = Rate,
        DurationSeconds = 650_000 / Rate.Hertz,
        HeartRateBpm = 72,
        NoiseMillivolts = 0.03,
        BaselineWanderMillivolts = 0.2,
        MainsMillivolts = 0.05,
    });
}
