using BenchmarkDotNet.Attributes;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;

namespace EcgScope.Benchmarks;

/// <summary>
/// Classifying with the shipped models on one core (ONNX Runtime, one intra-op thread): the whole path from a record
/// in memory (preprocessing, quality check, inference, calibration), with and without explanations, for one lead and
/// for twelve, and loading a model (SHA-256 check and session creation).
/// </summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks : IDisposable
{
    private ModelRegistry registry = null!;
    private LoadedModel rhythm = null!;
    private LoadedModel ensemble = null!;
    private EcgRecord cinc = null!;
    private LoadedModel superclass = null!;
    private LoadedModel recurrence = null!;
    private EcgRecord ptbXl = null!;

    /// <summary>CinC 2017 record A00001: 30 s of one AliveCor lead at 300 Hz; PTB-XL record 00001: 10 s of 12 leads at 500 Hz.</summary>
    [GlobalSetup]
    public void Load()
    {
        registry = new ModelRegistry(ModelRegistry.DefaultDirectory);
        rhythm = registry.Load("rhythm-cnn");
        ensemble = registry.Load("rhythm-ensemble");
        cinc = EcgFile.Read(BenchmarkData.File("cinc2017", "training2017", "A00001.hea"));
        superclass = registry.Load("superclass-cnn");
        recurrence = registry.Load("recurrence-cnn");
        ptbXl = EcgFile.Read(BenchmarkData.File("ptbxl", "records500", "00000", "00001_hr.hea"));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        registry.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public ModelVerdict RhythmThirtySecondsOneLead() => EcgClassifier.Classify(cinc, rhythm);

    [Benchmark]
    public ModelVerdict RhythmThirtySecondsExplained() => EcgClassifier.Classify(cinc, rhythm, explain: true);

    /// <summary>The network and its companion trees: the lead's 64 rhythm features at 300 Hz, then the trees.</summary>
    [Benchmark]
    public ModelVerdict EnsembleThirtySecondsOneLead() => EcgClassifier.Classify(cinc, ensemble);

    /// <summary>The same with the network's explanations and the trees' Shapley values (KernelSHAP, 2,048 coalitions).</summary>
    [Benchmark]
    public ModelVerdict EnsembleThirtySecondsExplained() => EcgClassifier.Classify(cinc, ensemble, explain: true);

    [Benchmark]
    public ModelVerdict SuperclassTenSecondsTwelveLeads() => EcgClassifier.Classify(ptbXl, superclass);

    /// <summary>The recurrence-plot CNN on the same record: 12 plots of 250 × 250 through a 2-D CNN.</summary>
    [Benchmark]
    public ModelVerdict RecurrenceTenSecondsTwelveLeads() => EcgClassifier.Classify(ptbXl, recurrence);

    [Benchmark]
    public int LoadRhythmModel()
    {
        using var fresh = new ModelRegistry(ModelRegistry.DefaultDirectory);
        return fresh.Load("rhythm-cnn").Card.Classes.Length;
    }
}
