using System.Collections.Immutable;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// A 2-D CNN over recurrence plots computed inside the network (leads × samples → one logit per class): each lead is
/// average-pooled by <see cref="RecurrencePlotCnnShape.Pool"/>, its unthresholded recurrence plot |x_i − x_j| over the
/// pooled points becomes one channel, and the channels run through the 2-D stages of <see cref="PrintoutCnn"/>, then
/// global average pooling and one linear layer. Computing the plot in the forward pass (and in the ONNX graph) keeps
/// the model's input a plain multi-lead window, so serving needs no preprocessing of its own.
/// </summary>
public sealed class RecurrencePlotCnn : Module<Tensor, Tensor>
{
    /// <summary>Creates a network of the given <paramref name="shape"/>.</summary>
    public RecurrencePlotCnn(RecurrencePlotCnnShape shape) : base(nameof(RecurrencePlotCnn))
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        (Convolutions, Norms) = ConvStages2d.Create(shape.Leads, shape.StageWidths);
        Dropout = nn.Dropout(shape.Dropout);
        Head = Linear(shape.StageWidths[^1], shape.Classes);
        RegisterComponents();
    }

    /// <summary>The sizes this network was built with.</summary>
    public RecurrencePlotCnnShape Shape { get; }

    /// <summary>Each stage's convolution (the first strided by 2).</summary>
    public ModuleList<Conv2d> Convolutions { get; }

    /// <summary>Batch norm after each stage's convolution.</summary>
    public ModuleList<BatchNorm2d> Norms { get; }

    /// <summary>Dropout before the head (training only).</summary>
    public Dropout Dropout { get; }

    /// <summary>The linear classifier over the pooled features.</summary>
    public Linear Head { get; }

    /// <summary>
    /// The recurrence plots of a batch: [batch, leads, samples] → [batch, leads, n, n] with n = samples / pool
    /// (a remainder shorter than the pool is dropped), entry (i, j) the distance |x_i − x_j| of the pooled points.
    /// </summary>
    public Tensor RecurrencePlots(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var pooled = functional.avg_pool1d(input, Shape.Pool, Shape.Pool);
        return (pooled.unsqueeze(3) - pooled.unsqueeze(2)).abs().MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = ConvStages2d.Forward(Convolutions, Norms, RecurrencePlots(input)).mean([2L, 3L]);
        return Head.forward(Dropout.forward(features)).MoveToOuterDisposeScope();
    }
}

/// <summary>The sizes of a <see cref="RecurrencePlotCnn"/>.</summary>
public sealed record RecurrencePlotCnnShape
{
    /// <summary>Input leads: one recurrence plot (channel) each.</summary>
    public required int Leads { get; init; }

    /// <summary>Output logits.</summary>
    public required int Classes { get; init; }

    /// <summary>Samples averaged into one point of the recurrence plot.</summary>
    public int Pool { get; init; } = 4;

    /// <summary>Channels of each 2-D stage.</summary>
    public ImmutableArray<int> StageWidths { get; init; } = [16, 32, 64, 96, 128];

    /// <summary>Dropout before the head.</summary>
    public double Dropout { get; init; } = 0.2;
}
