using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// Two same-padded convolutions with batch norm and a shortcut (a 1×1 strided convolution where the shape changes),
/// ReLU after the sum: the basic block of a 1-D ResNet.
/// </summary>
public sealed class ResidualBlock1d : Module<Tensor, Tensor>
{
    /// <summary>Creates a block from <paramref name="inputChannels"/> to <paramref name="outputChannels"/>.</summary>
    public ResidualBlock1d(string name, int inputChannels, int outputChannels, int kernelSize, int stride) : base(name)
    {
        Conv1 = Conv1d(inputChannels, outputChannels, kernelSize, stride: stride, padding: kernelSize / 2, bias: false);
        Norm1 = BatchNorm1d(outputChannels);
        Conv2 = Conv1d(outputChannels, outputChannels, kernelSize, padding: kernelSize / 2, bias: false);
        Norm2 = BatchNorm1d(outputChannels);
        if (stride != 1 || inputChannels != outputChannels)
        {
            ShortcutConv = Conv1d(inputChannels, outputChannels, 1, stride: stride, bias: false);
            ShortcutNorm = BatchNorm1d(outputChannels);
        }

        RegisterComponents();
    }

    /// <summary>The first convolution (strided where the block downsamples).</summary>
    public Conv1d Conv1 { get; }

    /// <summary>Batch norm after <see cref="Conv1"/>.</summary>
    public BatchNorm1d Norm1 { get; }

    /// <summary>The second convolution.</summary>
    public Conv1d Conv2 { get; }

    /// <summary>Batch norm after <see cref="Conv2"/>.</summary>
    public BatchNorm1d Norm2 { get; }

    /// <summary>The projection shortcut, or null for identity.</summary>
    public Conv1d? ShortcutConv { get; }

    /// <summary>Batch norm after <see cref="ShortcutConv"/>, or null.</summary>
    public BatchNorm1d? ShortcutNorm { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var main = Norm2.forward(Conv2.forward(functional.relu(Norm1.forward(Conv1.forward(input)))));
        var shortcut = ShortcutConv is null ? input : ShortcutNorm!.forward(ShortcutConv.forward(input));
        return functional.relu(main + shortcut).MoveToOuterDisposeScope();
    }
}
