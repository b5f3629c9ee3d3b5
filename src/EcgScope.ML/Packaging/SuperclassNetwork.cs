using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Export;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Packaging;

/// <summary>What sets one shipped superclass network apart from the other: its name, its words in the card, and its export.</summary>
public sealed record SuperclassNetwork
{
    /// <summary>The 1-D ResNet over the 12 traces.</summary>
    public static SuperclassNetwork OneDimensional { get; } = new()
    {
        Name = SuperclassCnn.Name,
        Input = SuperclassCnn.Input,
        Title = "12-lead ECG patterns: PTB-XL superclasses (1-D ResNet)",
        Description = "A 1-D ResNet (the architecture of [rhythm-cnn](rhythm-cnn.md)) with 12 input channels and 5 sigmoid outputs. " +
            "Each epoch trains on a random 2.5 s crop of every record (as PTB-XL's benchmark trains resnet1d_wang); a verdict is the mean of the logits over the record's four 2.5 s windows.",
        Export = weights => ShippedModel.Onnx(weights, () => new ResNet1d(SuperclassCnn.Shape), ResNet1dOnnxExporter.Export),
    };

    /// <summary>The 2-D CNN over the 12 leads' recurrence plots.</summary>
    public static SuperclassNetwork RecurrencePlot { get; } = new()
    {
        Name = RecurrenceCnn.Name,
        Input = RecurrenceCnn.Input,
        Title = "12-lead ECG patterns: PTB-XL superclasses (recurrence-plot CNN)",
        Description = $"A 2-D CNN over recurrence plots, as the PTB-XL classifier EcgScope grew out of read its records: each lead averaged over {RecurrenceCnn.Shape.Pool} samples " +
            $"({100 / RecurrenceCnn.Shape.Pool} Hz, {1000 / RecurrenceCnn.Shape.Pool} points over 10 s), its unthresholded recurrence plot |x_i - x_j| " +
            "(a distance for every pair of moments; a threshold would throw away how far apart they are and need a value per lead) one of 12 channels. " +
            "The plots are computed inside the network and its ONNX graph, so the registry prepares its input as any signal model's: the whole 10 s record. " +
            $"A 5×5 stem with stride 2, then 3×3 stages of {string.Join("/", RecurrenceCnn.Shape.StageWidths)} channels with batch norm and 2×2 max pooling " +
            "(the stages of [printout-cnn](printout-classifiers.md)), global average pooling and one linear layer to 5 sigmoid outputs. " +
            "Its maps lie over pairs of moments, not over time, so its verdicts are explained by occlusion alone.",
        Export = weights => ShippedModel.Onnx(weights, () => new RecurrencePlotCnn(RecurrenceCnn.Shape), RecurrencePlotCnnOnnxExporter.Export),
    };

    /// <summary>The model's name in the registry.</summary>
    public required string Name { get; init; }

    /// <summary>What the network reads.</summary>
    public required InputSpec Input { get; init; }

    /// <summary>The card's title.</summary>
    public required string Title { get; init; }

    /// <summary>The network in the card's words (Markdown, one paragraph).</summary>
    public required string Description { get; init; }

    /// <summary>The trained weights file (TorchSharp) as ONNX bytes.</summary>
    public required Func<string, byte[]> Export { get; init; }

    /// <summary>The card's document, relative to the repository root.</summary>
    public string Document => $"docs/models/{Name}.md";
}
