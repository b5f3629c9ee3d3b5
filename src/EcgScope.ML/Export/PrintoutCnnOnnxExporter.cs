using EcgScope.ML.Networks;
using Google.Protobuf;
using TorchSharp.Modules;
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
        var x = "input";
        for (var stage = 0; stage < network.Convolutions.Count; stage++)
        {
            var name = $"stage{stage}";
            x = graph.AddNode("Relu", [ConvNorm(graph, name, x, network.Convolutions[stage], network.Norms[stage])], name + ".relu");
            if (stage < network.Convolutions.Count - 1)
            {
                x = graph.AddNode("MaxPool", [x], name + ".pool", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
            }
        }

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

    /// <summary>A bias-free convolution followed by batch norm in inference form (running mean and variance).</summary>
    private static string ConvNorm(OnnxGraphBuilder graph, string name, string input, Conv2d conv, BatchNorm2d norm)
    {
        var kernel = conv.kernel_size;
        var padding = conv.padding!;
        var convolved = graph.AddNode("Conv", [input, graph.AddInitializer(name + ".conv.weight", conv.weight!)], name + ".conv",
            Ints("kernel_shape", kernel),
            Ints("strides", conv.stride),
            Ints("pads", padding[0], padding[1], padding[0], padding[1]));
        return graph.AddBatchNormalization(name + ".norm", convolved, norm.weight!, norm.bias!, norm.running_mean!, norm.running_var!, norm.eps);
    }
}
