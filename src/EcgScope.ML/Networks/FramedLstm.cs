using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// The smartwatch product's baseline: one lead cut into non-overlapping frames of <see cref="FramedLstmShape.FrameSamples"/>
/// samples, two LSTM layers (128 then 64 units by default) over the frames, and a linear layer on the last step's
/// hidden state. Frames instead of raw samples keep the sequence short (300 steps for 30 s at 300 Hz instead of 9,000),
/// which is what makes an LSTM trainable on a CPU.
/// </summary>
public sealed class FramedLstm : Module<Tensor, Tensor>
{
    /// <summary>Creates a network of the given <paramref name="shape"/>.</summary>
    public FramedLstm(FramedLstmShape shape) : base(nameof(FramedLstm))
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        Lstm1 = LSTM(shape.FrameSamples, shape.Hidden1, numLayers: 1, bias: true, batchFirst: true);
        Lstm2 = LSTM(shape.Hidden1, shape.Hidden2, numLayers: 1, bias: true, batchFirst: true);
        Head = Linear(shape.Hidden2, shape.Classes);
        RegisterComponents();
    }

    /// <summary>The sizes this network was built with.</summary>
    public FramedLstmShape Shape { get; }

    /// <summary>The first LSTM layer, over the frames.</summary>
    public LSTM Lstm1 { get; }

    /// <summary>The second LSTM layer, over the first one's outputs.</summary>
    public LSTM Lstm2 { get; }

    /// <summary>The linear classifier over the last hidden state.</summary>
    public Linear Head { get; }

    /// <summary>Logits [batch, classes] for input [batch, 1, samples]; samples must be a multiple of the frame length.</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var frames = input.reshape(input.shape[0], -1, Shape.FrameSamples);
        var (sequence, _, _) = Lstm1.forward(frames);
        var (_, last, _) = Lstm2.forward(sequence);
        return Head.forward(last[0]).MoveToOuterDisposeScope();
    }
}

/// <summary>The sizes of a <see cref="FramedLstm"/>.</summary>
public sealed record FramedLstmShape
{
    /// <summary>Output logits.</summary>
    public required int Classes { get; init; }

    /// <summary>Samples per frame (one LSTM step).</summary>
    public int FrameSamples { get; init; } = 30;

    /// <summary>Units of the first LSTM layer.</summary>
    public int Hidden1 { get; init; } = 128;

    /// <summary>Units of the second LSTM layer.</summary>
    public int Hidden2 { get; init; } = 64;
}
