using TorchSharp.Modules;
using static EcgScope.ML.Export.OnnxGraphBuilder;

namespace EcgScope.ML.Export;

/// <summary>Writes the 2-D convolution stages the CNNs share (<c>ConvStages2d</c>) into an ONNX graph, as they run in eval mode.</summary>
internal static class ConvStages2dOnnx
{
    /// <summary>Adds the stages over <paramref name="input"/>; returns the name of the last stage's output.</summary>
    public static string Add(OnnxGraphBuilder graph, ModuleList<Conv2d> convolutions, ModuleList<BatchNorm2d> norms, string input)
    {
        var x = input;
        for (var stage = 0; stage < convolutions.Count; stage++)
        {
            var name = $"stage{stage}";
            x = graph.AddNode("Relu", [ConvNorm(graph, name, x, convolutions[stage], norms[stage])], name + ".relu");
            if (stage < convolutions.Count - 1)
            {
                x = graph.AddNode("MaxPool", [x], name + ".pool", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
            }
        }

        return x;
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
