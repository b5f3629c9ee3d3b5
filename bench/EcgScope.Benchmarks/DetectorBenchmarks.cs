using BenchmarkDotNet.Attributes;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Signal.Detection;

namespace EcgScope.Benchmarks;

/// <summary>
/// Cleaning + R-peak detection of MIT-BIH record 100 (30 minutes, 360 Hz, 650,000 samples, lead MLII).
/// Data: $ECGSCOPE_DATA/mitdb, else ~/.cache/ecgscope/data/mitdb.
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private readonly PanTompkins1985Detector panTompkins = new PanTompkins1985Detector();
    private readonly RobustEnvelopeDetector robustEnvelope = new RobustEnvelopeDetector();
    private double[] samples = [];
    private SamplingRate rate;

    [GlobalSetup]
    public void LoadRecord100()
    {
        var record = EcgFile.Read(BenchmarkData.File("mitdb", "100.hea"));
        samples = record.Leads[0].Span.ToArray();
        rate = record.SamplingRate;
    }

    [Benchmark(Baseline = true)]
    public int[] PanTompkins1985() => panTompkins.Detect(samples, rate);

    [Benchmark]
    public int[] RobustEnvelope() => robustEnvelope.Detect(samples, rate);
}
