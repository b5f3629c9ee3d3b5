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
        using (var noGrad = no_grad())
        {
            // Affine parameters away from 1 and 0, so a swapped scale and bias would show.
            foreach (var norm in new[] { Network.Norm1, Network.Norm2 })
            {
                norm.weight!.uniform_(0.5, 1.5);
                norm.bias!.uniform_(-0.5, 0.5);
            }

            // A fresh head gives logits near 0, whose softmax hides differences; a trained one spreads them over units.
            Network.Head.weight!.normal_(0, 1);
        }

        // Forward passes in train mode move the running mean and variance off 0 and 1.
        Network.train();
        for (var pass = 0; pass < 3; pass++)
        {
            using var scope = NewDisposeScope();
            Network.forward(rand(8, 1, 900));
        }

        Network.eval();
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
