using BenchmarkDotNet.Attributes;
using EcgScope.Signal.Resampling;

namespace EcgScope.Benchmarks;

/// <summary>Polyphase resampling of a 30-minute 360 Hz lead (650 000 samples), filter design included.</summary>
[MemoryDiagnoser]
public class ResamplingBenchmarks
{
    private double[] signal = [];

    /// <summary>Target rate, Hz.</summary>
    [Params(500, 250, 128)]
    public int TargetHz { get; set; }

    [GlobalSetup]
    public void Setup() => signal = BenchmarkSignals.ThirtyMinutes();

    [Benchmark]
    public double[] Resample() =>
        new PolyphaseResampler(RationalRatio.Approximate(TargetHz / BenchmarkSignals.Rate.Hertz)).Resample(signal);
}
