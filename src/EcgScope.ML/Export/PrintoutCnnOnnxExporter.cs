using EcgScope.ML.Networks;
using Google.Protobuf;
using static EcgScope.ML.Export.OnnxGraphBuilder;

namespace EcgScope.ML.Export;

/// <summary>
/// Writes a <see cref="PrintoutCnn"/> as an ONNX model as it runs in eval mode (batch norm with its running
/// statistics, no dropout): input "input" [batch, 1, height, width], output "logits" [batch, classes].
/// </summary>
public static class PrintoutCnnOnnxExporter
{
    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(PrintoutCnn network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var shape = network.Shape;
        var graph = new OnnxGraphBuilder(nameof(PrintoutCnn));
        graph.AddInput("input", "batch", 1, shape.Height, shape.Width);
        var x = ConvStages2dOnnx.Add(graph, network.Convolutions, network.Norms, "input");
        var narrow = network.Narrow;
        x = graph.AddNode("Conv", [x, graph.AddInitializer("narrow.weight", narrow.weight!), graph.AddInitializer("narrow.bias", narrow.bias!)], "narrow",
            Ints("kernel_shape", 1, 1));
        x = graph.AddNode("Relu", [x], "narrow.relu");
        // Flatten(axis 1) orders channels, then rows, then columns, as TorchSharp's flatten(1) does.
        x = graph.AddNode("Flatten", [x], "flat", Int("axis", 1));
        graph.AddLinear(x, network.Head, "logits");
        graph.AddOutput("logits", "batch", shape.Classes);
        return graph.ToModel(shape.Classes).ToByteArray();
    }
}
