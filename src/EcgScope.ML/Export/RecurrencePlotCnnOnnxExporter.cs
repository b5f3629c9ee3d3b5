using System.Globalization;
using EcgScope.ML.Networks;
using Google.Protobuf;
using static EcgScope.ML.Export.OnnxGraphBuilder;

namespace EcgScope.ML.Export;

/// <summary>
/// Writes a <see cref="RecurrencePlotCnn"/> as an ONNX model as it runs in eval mode, the recurrence plots included:
/// input "input" [batch, leads, samples] (the plain window; samples dynamic), output "logits" [batch, classes].
/// </summary>
public static class RecurrencePlotCnnOnnxExporter
{
    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(RecurrencePlotCnn network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var shape = network.Shape;
        var graph = new OnnxGraphBuilder(nameof(RecurrencePlotCnn));
        graph.AddInput("input", "batch", shape.Leads, "samples");

        // RecurrencePlotCnn.RecurrencePlots: average pooling without padding (a remainder is dropped, as avg_pool1d
        // drops it), then |x_i - x_j| by broadcasting the pooled points as a column against themselves as a row.
        var pooled = graph.AddNode("AveragePool", ["input"], "pooled", Ints("kernel_shape", shape.Pool), Ints("strides", shape.Pool));
        var column = graph.AddNode("Unsqueeze", [pooled, graph.AddInt64Initializer("axis3", 3)], "pooled.column");
        var row = graph.AddNode("Unsqueeze", [pooled, graph.AddInt64Initializer("axis2", 2)], "pooled.row");
        var plots = graph.AddNode("Abs", [graph.AddNode("Sub", [column, row], "differences")], "recurrencePlots");

        var x = ConvStages2dOnnx.Add(graph, network.Convolutions, network.Norms, plots);
        x = graph.AddNode("GlobalAveragePool", [x], "pooledFeatures");
        x = graph.AddNode("Flatten", [x], "features", Int("axis", 1));
        graph.AddLinear(x, network.Head, "logits");
        graph.AddOutput("logits", "batch", shape.Classes);
        return graph.ToModel(shape.Classes, ("ecgscope.leads", shape.Leads.ToString(CultureInfo.InvariantCulture))).ToByteArray();
    }
}
