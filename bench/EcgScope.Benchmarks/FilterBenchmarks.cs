using BenchmarkDotNet.Attributes;
using EcgScope.Signal.Filtering;

namespace EcgScope.Benchmarks;

/// <summary>Zero-phase filtering of a 30-minute 360 Hz lead (650 000 samples).</summary>
[MemoryDiagnoser]
public class FilterBenchmarks
{
    private double[] signal = [];
    private double[] output = [];
    private SosFilter bandPass = null!;
    private SosFilter notch = null!;

    [GlobalSetup]
    public void Setup()
    {
        signal = BenchmarkSignals.ThirtyMinutes();
        output = new double[signal.Length];
        bandPass = Butterworth.BandPass(4, 0.5, 40, BenchmarkSignals.Rate);
        notch = Notch.Design(50, BenchmarkSignals.Rate);
    }

    /// <summary>Order-4 Butterworth band-pass 0.5–40 Hz (4 biquads), forwards and backwards.</summary>
    [Benchmark(Baseline = true)]
    public void BandPassFiltFilt() => bandPass.FiltFilt(signal, output);

    /// <summary>50 Hz notch (1 biquad), forwards and backwards.</summary>
    [Benchmark]
    public void NotchFiltFilt() => notch.FiltFilt(signal, output);

    /// <summary>Causal band-pass, one pass, for comparison.</summary>
    [Benchmark]
    public void BandPassCausal() => bandPass.Filter(signal, output);

    /// <summary>Designing the band-pass filter.</summary>
    [Benchmark]
    public SosFilter DesignBandPass() => Butterworth.BandPass(4, 0.5, 40, BenchmarkSignals.Rate);
}
