using BenchmarkDotNet.Attributes;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Signal.Analysis;

namespace EcgScope.Benchmarks;

/// <summary>
/// The whole <c>ecgscope analyze</c> computation on MIT-BIH record 100 (2 leads x 30 minutes at 360 Hz): cleaning,
/// R-peaks, heart rate, HRV, quality and median beat for both leads. Reading is not included.
/// </summary>
[MemoryDiagnoser]
public class EcgAnalysisBenchmarks
{
    private EcgRecord record = null!;

    [GlobalSetup]
    public void Read() => record = EcgFile.Read(BenchmarkData.File("mitdb", "100.hea"));

    [Benchmark]
    public EcgAnalysisResult AnalyzeRecord100() => EcgAnalysis.Analyze(record);
}
