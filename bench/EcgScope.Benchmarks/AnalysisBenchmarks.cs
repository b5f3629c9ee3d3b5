using BenchmarkDotNet.Attributes;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Benchmarks;

/// <summary>HRV, signal quality and beat templates of a 30-minute 360 Hz lead with its ~2 160 R-peaks.</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private EcgRecord record = null!;
    private int[] peaks = [];

    [GlobalSetup]
    public void Setup()
    {
        var generated = BenchmarkSignals.ThirtyMinutesWithPeaks();
        record = generated.Record;
        peaks = [.. generated.RPeaks];
    }

    /// <summary>NN classification, time domain, Lomb-Scargle frequency domain and Poincaré.</summary>
    [Benchmark]
    public HrvReport Hrv() => HrvAnalysis.FromRPeaks(peaks, record.SamplingRate);

    /// <summary>All quality indices including template correlation.</summary>
    [Benchmark]
    public LeadQuality Quality() => SignalQuality.Assess(record, peaks)[0];

    /// <summary>Segmentation, median template and per-beat correlation.</summary>
    [Benchmark]
    public BeatSet Beats() => BeatSegmenter.Segment(record, peaks);
}
