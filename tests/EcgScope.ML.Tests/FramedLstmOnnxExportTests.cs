using EcgScope.Inference;
using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Export;
using EcgScope.ML.Networks;
using EcgScope.Testing;
using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>A seeded FramedLstm exported once and loaded in ONNX Runtime.</summary>
public sealed class FramedLstmExportFixture : IDisposable
{
    public FramedLstmExportFixture()
    {
        manual_seed(2017);
        Network = new FramedLstm(new FramedLstmShape { Classes = 2 });
        TrainedLooking.Prepare(Network, Network.Head, () => rand(8, 1, 900), passes: 3);
        var path = Path.Combine(TestData.TempFolder(), "framed-lstm.onnx");
        FramedLstmOnnxExporter.Export(Network, path);
        Model = OnnxModel.Load(path);
    }

    public FramedLstm Network { get; }

    public OnnxModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        Network.Dispose();
    }
}

[Collection(nameof(SeededTorch))]
public sealed class FramedLstmOnnxExportTests(FramedLstmExportFixture fixture, ITestOutputHelper output) : IClassFixture<FramedLstmExportFixture>
{
    /// <summary>The smartwatch product's input: 30 s at 300 Hz, min-max scaled, 300 frames of 30 samples.</summary>
    private static readonly InputSpec Smartwatch = new()
    {
        SampleRateHz = 300,
        WindowSeconds = 30,
        Leads = ["I"],
        Normalization = InputNormalization.MinMax,
    };

    [Fact]
    public void Batch_norm_statistics_are_not_the_initial_ones()
    {
        using var mean = fixture.Network.Norm1.running_mean!.abs().max();
        Assert.True(mean.item<float>() > 0.01f);
    }

    [Theory]
    [InlineData(2, 9000)]
    [InlineData(1, 600)]
    [InlineData(3, 1500)]
    public void Onnx_runtime_agrees_with_torchsharp_on_random_windows(int batch, int samples)
    {
        var input = OnnxParity.RandomSamples(batch * samples, seed: batch * 104729 + samples);
        long[] shape = [batch, 1, samples];

        var agreement = OnnxParity.AssertSameOutputs(fixture.Network, fixture.Model, input, shape);
        output.WriteLine($"batch {batch} × {samples} samples: {agreement}");
    }

    [Fact]
    public void Onnx_runtime_agrees_with_torchsharp_on_cinc_2017_records()
    {
        var (input, shape) = OnnxParity.CincWindows(Smartwatch);

        var agreement = OnnxParity.AssertSameOutputs(fixture.Network, fixture.Model, input, shape);
        output.WriteLine($"{shape[0]} CinC 2017 windows of {shape[2]} samples: {agreement}");
    }

    [Fact]
    public void Model_names_its_architecture()
    {
        Assert.False(fixture.Model.HasFeatureMap);
        Assert.Equal("FramedLstm", fixture.Model.Metadata[OnnxGraphBuilder.ArchitectureKey]);
        Assert.Equal("30", fixture.Model.Metadata["ecgscope.frameSamples"]);
    }
}
