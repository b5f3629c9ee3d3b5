using EcgScope.Formats;
using EcgScope.Inference;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Export;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;
using EcgScope.Testing;
using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>A seeded recurrence-plot CNN of the shipped shape with non-trivial batch-norm statistics, exported once and loaded in ONNX Runtime.</summary>
public sealed class RecurrencePlotCnnExportFixture : IDisposable
{
    public RecurrencePlotCnnExportFixture()
    {
        manual_seed(20172);
        Network = new RecurrencePlotCnn(RecurrenceCnn.Shape);
        TrainedLooking.Prepare(Network, Network.Head, () => (randn(4, RecurrenceCnn.Shape.Leads, 1000) * 1.5) + 0.2, passes: 3);
        Model = OnnxModel.Load(RecurrencePlotCnnOnnxExporter.Export(Network), "recurrence-cnn");
    }

    public RecurrencePlotCnn Network { get; }

    public OnnxModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        Network.Dispose();
    }
}

[Collection(nameof(SeededTorch))]
public sealed class RecurrencePlotCnnOnnxExportTests(RecurrencePlotCnnExportFixture fixture, ITestOutputHelper output) : IClassFixture<RecurrencePlotCnnExportFixture>
{
    [Fact]
    public void Recurrence_plot_holds_the_distance_between_every_pair_of_pooled_points()
    {
        using var network = new RecurrencePlotCnn(new RecurrencePlotCnnShape { Leads = 2, Classes = 1, Pool = 2, StageWidths = [4] });
        float[] samples = [1, 3, 0, 0, -4, -2, 5, 5, 9, /* lead 2 */ 2, 2, 2, 2, 7, 7, 2, 2, 0];

        using var plots = network.RecurrencePlots(tensor(samples, [1, 2, 9]));

        // Pairs of samples average to 2, 0, -3, 5 (the ninth sample is a remainder and dropped), then 2, 2, 7, 2.
        Assert.Equal([1L, 2, 4, 4], plots.shape);
        float[] expected =
        [
            0, 2, 5, 3, 2, 0, 3, 5, 5, 3, 0, 8, 3, 5, 8, 0,
            0, 0, 5, 0, 0, 0, 5, 0, 5, 5, 0, 5, 0, 0, 5, 0,
        ];
        Assert.Equal(expected, plots.data<float>().ToArray());
    }

    [Fact]
    public void Batch_norm_statistics_are_not_the_initial_ones()
    {
        using var mean = fixture.Network.Norms[0].running_mean!.abs().max();
        Assert.True(mean.item<float>() > 0.01f);
    }

    [Theory]
    [InlineData(3, 1000)]
    [InlineData(1, 1003)]
    [InlineData(2, 640)]
    public void Onnx_runtime_agrees_with_torchsharp_on_random_windows(int batch, int samples)
    {
        var input = OnnxParity.RandomSamples(batch * RecurrenceCnn.Shape.Leads * samples, seed: batch * 7919 + samples);
        long[] shape = [batch, RecurrenceCnn.Shape.Leads, samples];

        var agreement = OnnxParity.AssertSameOutputs(fixture.Network, fixture.Model, input, shape, ModelTask.MultiLabel);
        output.WriteLine($"batch {batch} × {samples} samples: {agreement}");
    }

    [Fact]
    public void Onnx_runtime_agrees_with_torchsharp_on_ptbxl_records()
    {
        var windows = PtbXl.Load(TestData.Require("ptbxl")).Where(r => r.Fold == PtbXl.TestFold).Take(8)
            .Select(r => InputPreparer.Prepare(EcgFile.Read(r.Record.Path), RecurrenceCnn.Input))
            .ToList();
        var input = windows.SelectMany(w => w.Samples).ToArray();
        long[] shape = [windows.Sum(w => w.WindowCount), windows[0].LeadCount, windows[0].WindowSamples];

        var agreement = OnnxParity.AssertSameOutputs(fixture.Network, fixture.Model, input, shape, ModelTask.MultiLabel);
        output.WriteLine($"{shape[0]} PTB-XL windows: {agreement}");
    }

    [Fact]
    public void Model_names_its_architecture_and_classes_and_gives_no_maps()
    {
        Assert.Equal("RecurrencePlotCnn", fixture.Model.Metadata[OnnxGraphBuilder.ArchitectureKey]);
        Assert.Equal("5", fixture.Model.Metadata[OnnxGraphBuilder.ClassesKey]);
        Assert.False(fixture.Model.HasFeatureMap);
        Assert.False(fixture.Model.HasClassActivation);
    }
}
