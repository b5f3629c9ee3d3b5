using System.Collections.Immutable;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// A small 2-D CNN for a printout's grid area (1 × height × width of ink): a strided 5×5 stem, then 3×3 stages, each
/// convolution with batch norm and ReLU and all but the last halving the image by 2×2 max pooling; a 1×1 convolution
/// narrows the last map, which is flattened (not pooled: where on the page a pattern is says which lead it is in)
/// into one linear layer.
/// </summary>
public sealed class PrintoutCnn : Module<Tensor, Tensor>
{
    /// <summary>Creates a network of the given <paramref name="shape"/>.</summary>
    public PrintoutCnn(PrintoutCnnShape shape) : base(nameof(PrintoutCnn))
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        (Convolutions, Norms) = ConvStages2d.Create(1, shape.StageWidths);
        var channels = shape.StageWidths[^1];
        Narrow = Conv2d(channels, shape.NarrowChannels, 1);
        Dropout = nn.Dropout(shape.Dropout);
        Head = Linear(shape.FlatFeatures, shape.Classes);
        RegisterComponents();
    }

    /// <summary>The sizes this network was built with.</summary>
    public PrintoutCnnShape Shape { get; }

    /// <summary>Each stage's convolution (the first strided by 2).</summary>
    public ModuleList<Conv2d> Convolutions { get; }

    /// <summary>Batch norm after each stage's convolution.</summary>
    public ModuleList<BatchNorm2d> Norms { get; }

    /// <summary>The 1×1 convolution (with bias, then ReLU) that narrows the last map before flattening.</summary>
    public Conv2d Narrow { get; }

    /// <summary>Dropout before the head (training only).</summary>
    public Dropout Dropout { get; }

    /// <summary>The linear classifier over the flattened map.</summary>
    public Linear Head { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = ConvStages2d.Forward(Convolutions, Norms, input);
        x = functional.relu(Narrow.forward(x)).flatten(1);
        return Head.forward(Dropout.forward(x)).MoveToOuterDisposeScope();
    }
}

/// <summary>The sizes of a <see cref="PrintoutCnn"/>.</summary>
public sealed record PrintoutCnnShape
{
    /// <summary>Input width in pixels; a multiple of 2^(stages), so every pooling halves it exactly.</summary>
    public required int Width { get; init; }

    /// <summary>Input height in pixels; a multiple of 2^(stages).</summary>
    public required int Height { get; init; }

    /// <summary>Output logits.</summary>
    public required int Classes { get; init; }

    /// <summary>Channels of each stage.</summary>
    public ImmutableArray<int> StageWidths { get; init; } = [12, 24, 48, 64, 96];

    /// <summary>Channels of the narrowed last map.</summary>
    public int NarrowChannels { get; init; } = 16;

    /// <summary>Dropout before the head.</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>How much the stem and the poolings shrink each side: 2 for the stem, 2 for each pooled stage.</summary>
    public int Reduction => 1 << StageWidths.Length;

    /// <summary>Values the head reads: the narrowed channels over the last map.</summary>
    public int FlatFeatures => NarrowChannels * (Height / Reduction) * (Width / Reduction);
}
