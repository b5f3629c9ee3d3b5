using EcgScope.ML.Networks;
using Google.Protobuf;

namespace EcgScope.ML.Export;

/// <summary>Writes a <see cref="LogisticHead"/> as ONNX: input "input" [batch, features], output "logits" [batch, classes].</summary>
public static class LogisticHeadOnnxExporter
{
    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(LogisticHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var features = (int)head.Mean.shape[0];
        var classes = (int)head.Linear.weight!.shape[0];
        var graph = new OnnxGraphBuilder(nameof(LogisticHead));
        graph.AddInput("input", "batch", features);
        var centred = graph.AddNode("Sub", ["input", graph.AddInitializer("mean", head.Mean)], "centred");
        var standardised = graph.AddNode("Div", [centred, graph.AddInitializer("scale", head.Scale)], "standardised");
        graph.AddLinear(standardised, head.Linear, "logits");
        graph.AddOutput("logits", "batch", classes);
        return graph.ToModel(classes).ToByteArray();
    }
}
