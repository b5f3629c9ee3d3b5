using EcgScope.Formats;
using EcgScope.Inference;
using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Export;
using EcgScope.ML.Networks;
using EcgScope.Testing;
using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>A seeded ResNet1d with non-trivial batch-norm statistics, exported once and loaded in ONNX Runtime.</summary>
public sealed class ResNet1dExportFixture : IDisposable
{
    public ResNet1dExportFixture()
    {
        manual_seed(20171);
        Network = new ResNet1d(new ResNet1dShape { Leads = 1, Classes = 4 });
        TrainedLooking.Prepare(Network, Network.Head, () => (randn(8, 1, 3000) * 2) + 0.5, passes: 5);
        Path = System.IO.Path.Combine(TestData.TempFolder(), "resnet1d.onnx");
        ResNet1dOnnxExporter.Export(Network, Path);
        Model = OnnxModel.Load(Path);
    }

    public ResNet1d Network { get; }

    public string Path { get; }

    public OnnxModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        Network.Dispose();
    }
}

[Collection(nameof(SeededTorch))]
public sealed class ResNet1dOnnxExportTests(ResNet1dExportFixture fixture, ITestOutputHelper output) : IClassFixture<ResNet1dExportFixture>
{
    private static readonly InputSpec Cinc100Hz = new() { SampleRateHz = 100, WindowSeconds = 30, Leads = ["I"] };

    [Fact]
    public void Batch_norm_statistics_are_not_the_initial_ones()
    {
        using var mean = fixture.Network.StemNorm.running_mean!.abs().max();
        Assert.True(mean.item<float>() > 0.01f);
    }

    [Theory]
    [InlineData(3, 3000)]
    [InlineData(1, 1000)]
    [InlineData(5, 4321)]
    public void Onnx_runtime_agrees_with_torchsharp_on_random_windows(int batch, int samples)
    {
        var input = OnnxParity.RandomSamples(batch * samples, seed: batch * 7919 + samples);
        long[] shape = [batch, 1, samples];

        var agreement = OnnxParity.AssertSameOutputs(fixture.Network, fixture.Model, input, shape);
        output.WriteLine($"batch {batch} × {samples} samples: {agreement}");
    }

    [Fact]
    public void Onnx_runtime_agrees_with_torchsharp_on_cinc_2017_records()
    {
        var (input, shape) = OnnxParity.CincWindows(Cinc100Hz);

        var agreement = OnnxParity.AssertSameOutputs(fixture.Network, fixture.Model, input, shape);
        output.WriteLine($"{shape[0]} CinC 2017 windows: {agreement}");
    }

    [Fact]
    public void Feature_map_of_a_prepared_record_matches_the_networks_last_feature_map()
    {
        var prepared = InputPreparer.Prepare(EcgFile.Read(TestData.File("cinc2017", "training2017", "A00001.hea")), Cinc100Hz);

        var onnx = fixture.Model.Run(prepared, OnnxMaps.FeatureMap | OnnxMaps.ClassActivation);

        using var noGrad = no_grad();
        using var torchMap = fixture.Network.FeatureMap(tensor(prepared.Samples, [prepared.WindowCount, prepared.LeadCount, prepared.WindowSamples]));
        Assert.Equal([onnx.Rows, onnx.Channels, onnx.TimeSteps], torchMap.shape.Select(d => (int)d));
        Assert.Equal(128, onnx.Channels);
        Assert.True(OnnxParity.MaxAbsDifference(torchMap.data<float>().ToArray(), onnx.FeatureMap!) < OnnxParity.LogitTolerance);

        // The class activation map is the head's weights applied to the feature map at every time step (Grad-CAM here).
        using var torchActivation = matmul(fixture.Network.Head.weight!, torchMap);
        Assert.True(OnnxParity.MaxAbsDifference(torchActivation.data<float>().ToArray(), onnx.ClassActivation!) < OnnxParity.LogitTolerance);
    }

    [Fact]
    public void Input_that_does_not_fill_its_shape_is_refused()
    {
        Assert.Throws<ArgumentException>(() => fixture.Model.Run(new float[10], 1, 1, 11));
    }

    [Fact]
    public void Model_names_its_producer_architecture_and_classes()
    {
        Assert.True(fixture.Model.HasFeatureMap);
        Assert.Equal("ResNet1d", fixture.Model.Metadata[OnnxGraphBuilder.ArchitectureKey]);
        Assert.Equal("4", fixture.Model.Metadata[OnnxGraphBuilder.ClassesKey]);
        var file = Export.Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(fixture.Path));
        Assert.Equal("EcgScope.ML", file.ProducerName);
        Assert.Equal(17, file.OpsetImport.Single().Version);
    }
}
