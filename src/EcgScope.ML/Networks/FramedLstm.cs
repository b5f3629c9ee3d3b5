using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// The smartwatch product's baseline: one lead cut into non-overlapping frames of <see cref="FramedLstmShape.FrameSamples"/>
/// samples, two LSTM layers (128 then 64 units by default), each followed by batch norm and dropout as that product had
/// them, and a linear layer on the last step's hidden state. Frames instead of raw samples keep the sequence short
/// (300 steps for 30 s at 300 Hz instead of 9,000), which is what makes an LSTM trainable on a CPU.
/// </summary>
public sealed class FramedLstm : Module<Tensor, Tensor>
{
    /// <summary>Creates a network of the given <paramref name="shape"/>.</summary>
    public FramedLstm(FramedLstmShape shape) : base(nameof(FramedLstm))
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        Lstm1 = LSTM(shape.FrameSamples, shape.Hidden1, numLayers: 1, bias: true, batchFirst: true);
        Norm1 = BatchNorm1d(shape.Hidden1);
        Lstm2 = LSTM(shape.Hidden1, shape.Hidden2, numLayers: 1, bias: true, batchFirst: true);
        Norm2 = BatchNorm1d(shape.Hidden2);
        Dropout = nn.Dropout(shape.Dropout);
        Head = Linear(shape.Hidden2, shape.Classes);
        RegisterComponents();
        InitialiseAsKeras(Lstm1);
        InitialiseAsKeras(Lstm2);
    }

    /// <summary>The sizes this network was built with.</summary>
    public FramedLstmShape Shape { get; }

    /// <summary>The first LSTM layer, over the frames.</summary>
    public LSTM Lstm1 { get; }

    /// <summary>Batch norm over the first layer's outputs, per unit across batch and steps.</summary>
    public BatchNorm1d Norm1 { get; }

    /// <summary>The second LSTM layer, over the first one's normalised outputs.</summary>
    public LSTM Lstm2 { get; }

    /// <summary>Batch norm over the second layer's last hidden state.</summary>
    public BatchNorm1d Norm2 { get; }

    /// <summary>Dropout after each batch norm (training only).</summary>
    public Dropout Dropout { get; }

    /// <summary>The linear classifier over the last hidden state.</summary>
    public Linear Head { get; }

    /// <summary>Logits [batch, classes] for input [batch, 1, samples]; samples must be a multiple of the frame length.</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var frames = input.reshape(input.shape[0], -1, Shape.FrameSamples);
        var (sequence, _, _) = Lstm1.forward(frames);
        sequence = Dropout.forward(Norm1.forward(sequence.transpose(1, 2)).transpose(1, 2));
        var (_, last, _) = Lstm2.forward(sequence);
        return Head.forward(Dropout.forward(Norm2.forward(last[0]))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Initialises a layer as Keras (the product's library) does: each gate's recurrent weights orthogonal and the
    /// forget gate's bias 1. With PyTorch's defaults (small uniform weights and biases) the state fades within a few
    /// steps, the gradient with it, and training stayed at the class prior.
    /// </summary>
    private static void InitialiseAsKeras(LSTM lstm)
    {
        using var noGrad = no_grad();
        var recurrent = lstm.get_parameter("weight_hh_l0")!;
        var units = recurrent.shape[1];
        for (var gate = 0; gate < 4; gate++)
        {
            init.orthogonal_(recurrent.narrow(0, gate * units, units));
        }

        lstm.get_parameter("bias_ih_l0")!.zero_().narrow(0, units, units).fill_(1);
        lstm.get_parameter("bias_hh_l0")!.zero_();
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

    /// <summary>Dropout after each LSTM layer's batch norm, in training.</summary>
    public double Dropout { get; init; } = 0.2;
}
