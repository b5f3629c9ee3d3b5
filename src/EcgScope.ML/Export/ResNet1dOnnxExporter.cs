using System.Globalization;
using EcgScope.ML.Networks;
using Google.Protobuf;
using TorchSharp.Modules;
using static EcgScope.ML.Export.OnnxGraphBuilder;

namespace EcgScope.ML.Export;

/// <summary>
/// Writes a <see cref="ResNet1d"/> as an ONNX model as it runs in eval mode: batch norm with its running statistics,
/// no dropout. Input "input" [batch, leads, samples]; outputs "logits" [batch, classes] and "featureMap"
/// [batch, channels, time], the last feature map before pooling, which with the head's weights gives the class
/// activation map (Grad-CAM for this architecture) without gradients at serving, and "classActivation"
/// [batch, classes, time], that map computed in the graph. Batch and samples are dynamic.
/// </summary>
public static class ResNet1dOnnxExporter
{
    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(ResNet1d network) => Build(network).ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public static void Export(ResNet1d network, string path) => File.WriteAllBytes(path, Export(network));

    private static Onnx.ModelProto Build(ResNet1d network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var shape = network.Shape;
        var graph = new OnnxGraphBuilder(nameof(ResNet1d));
        graph.AddInput("input", "batch", shape.Leads, "samples");

        var x = Relu(graph, ConvNorm(graph, "stem", "input", network.StemConv, network.StemNorm));
        // The stem pooling of ResNet1d.FeatureMap: max_pool1d(3, 2, 1).
        x = graph.AddNode("MaxPool", [x], "stem_pool", Ints("kernel_shape", 3), Ints("strides", 2), Ints("pads", 1, 1));
        foreach (var block in network.Blocks)
        {
            x = Block(graph, block, x);
        }

        var featureMap = graph.AddNode("Identity", [x], "featureMap");
        var pooled = graph.AddNode("ReduceMean", [featureMap], "pooled", Ints("axes", 2), Int("keepdims", 0));
        graph.AddLinear(pooled, network.Head, "logits");

        // The head's weights times the feature map ([classes, C] × [batch, C, time]): each class's activation over time.
        graph.AddNode("MatMul", ["logits.weight", featureMap], "classActivation");

        graph.AddOutput("logits", "batch", shape.Classes);
        graph.AddOutput("featureMap", "batch", shape.StageWidths[^1], "time");
        graph.AddOutput("classActivation", "batch", shape.Classes, "time");
        return graph.ToModel(shape.Classes, ("ecgscope.leads", shape.Leads.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Block(OnnxGraphBuilder graph, ResidualBlock1d block, string input)
    {
        var name = block.GetName();
        var main = Relu(graph, ConvNorm(graph, name + ".1", input, block.Conv1, block.Norm1));
        main = ConvNorm(graph, name + ".2", main, block.Conv2, block.Norm2);
        var shortcut = block.ShortcutConv is null
            ? input
            : ConvNorm(graph, name + ".shortcut", input, block.ShortcutConv, block.ShortcutNorm!);
        return Relu(graph, graph.AddNode("Add", [main, shortcut], name + ".sum"));
    }

    /// <summary>A bias-free convolution followed by batch norm in inference form (running mean and variance).</summary>
    private static string ConvNorm(OnnxGraphBuilder graph, string name, string input, Conv1d conv, BatchNorm1d norm)
    {
        var convolved = graph.AddNode("Conv", [input, graph.AddInitializer(name + ".conv.weight", conv.weight!)], name + ".conv",
            Ints("kernel_shape", conv.kernel_size),
            Ints("strides", conv.stride),
            Ints("pads", conv.padding![0], conv.padding[0]),
            Ints("dilations", conv.dilation),
            Int("group", conv.groups));
        return graph.AddBatchNormalization(name + ".norm", convolved, norm.weight!, norm.bias!, norm.running_mean!, norm.running_var!, norm.eps);
    }

    private static string Relu(OnnxGraphBuilder graph, string input) => graph.AddNode("Relu", [input], input + ".relu");
}
