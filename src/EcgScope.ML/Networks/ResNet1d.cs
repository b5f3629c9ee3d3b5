using System.Collections.Immutable;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// A 1-D ResNet for ECG windows (leads × samples → one logit per class): a strided stem, residual stages that halve
/// the time axis, global average pooling and one linear layer. Global pooling straight into the linear layer makes
/// the class activation map (Σ weight × feature map) exactly Grad-CAM, so explanations need no gradients at serving.
/// </summary>
public sealed class ResNet1d : Module<Tensor, Tensor>
{
    /// <summary>Creates a network of the given <paramref name="shape"/>.</summary>
    public ResNet1d(ResNet1dShape shape) : base(nameof(ResNet1d))
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        StemConv = Conv1d(shape.Leads, shape.StageWidths[0], shape.StemKernel, stride: 2, padding: shape.StemKernel / 2, bias: false);
        StemNorm = BatchNorm1d(shape.StageWidths[0]);
        var blocks = new List<ResidualBlock1d>();
        var width = shape.StageWidths[0];
        for (var stage = 0; stage < shape.StageWidths.Length; stage++)
        {
            for (var b = 0; b < shape.BlocksPerStage; b++)
            {
                var stride = b == 0 ? 2 : 1;
                blocks.Add(new ResidualBlock1d($"block{stage}_{b}", width, shape.StageWidths[stage], shape.Kernel, stride));
                width = shape.StageWidths[stage];
            }
        }

        Blocks = ModuleList([.. blocks]);
        Dropout = nn.Dropout(shape.Dropout);
        Head = Linear(width, shape.Classes);
        RegisterComponents();
    }

    /// <summary>The sizes this network was built with.</summary>
    public ResNet1dShape Shape { get; }

    /// <summary>The stem convolution (stride 2).</summary>
    public Conv1d StemConv { get; }

    /// <summary>Batch norm after the stem.</summary>
    public BatchNorm1d StemNorm { get; }

    /// <summary>The residual blocks, in order.</summary>
    public ModuleList<ResidualBlock1d> Blocks { get; }

    /// <summary>Dropout before the head (training only).</summary>
    public Dropout Dropout { get; }

    /// <summary>The linear classifier over the pooled features.</summary>
    public Linear Head { get; }

    /// <summary>The last feature map (batch × channels × time), before pooling.</summary>
    public Tensor FeatureMap(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(StemNorm.forward(StemConv.forward(input)));
        x = functional.max_pool1d(x, 3, 2, 1);
        foreach (var block in Blocks)
        {
            x = block.forward(x);
        }

        return x.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = FeatureMap(input).mean([2L]);
        return Head.forward(Dropout.forward(pooled)).MoveToOuterDisposeScope();
    }
}

/// <summary>The sizes of a <see cref="ResNet1d"/>.</summary>
public sealed record ResNet1dShape
{
    /// <summary>Input leads (channels).</summary>
    public required int Leads { get; init; }

    /// <summary>Output logits.</summary>
    public required int Classes { get; init; }

    /// <summary>Channels of each stage; each stage halves the time axis.</summary>
    public ImmutableArray<int> StageWidths { get; init; } = [32, 64, 96, 128];

    /// <summary>Residual blocks per stage.</summary>
    public int BlocksPerStage { get; init; } = 1;

    /// <summary>Kernel of the stem convolution.</summary>
    public int StemKernel { get; init; } = 15;

    /// <summary>Kernel of the block convolutions.</summary>
    public int Kernel { get; init; } = 9;

    /// <summary>Dropout before the head.</summary>
    public double Dropout { get; init; } = 0.2;
}
