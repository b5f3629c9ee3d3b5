using EcgScope.Inference;
using EcgScope.ML.Export;
using Google.Protobuf;

namespace EcgScope.ML.Tests;

public sealed class OnnxModelContractTests
{
    [Fact]
    public void Valid_onnx_model_without_ecgscope_input_and_logits_is_refused_by_name()
    {
        var graph = new OnnxGraphBuilder("Foreign");
        graph.AddInput("x", "batch", 3);
        graph.AddNode("Identity", ["x"], "y");
        graph.AddOutput("y", "batch", 3);
        var bytes = graph.ToModel(classes: 3).ToByteArray();

        var error = Assert.Throws<InvalidDataException>(() => OnnxModel.Load(bytes, "foreign.onnx"));

        Assert.StartsWith("foreign.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"input\"", error.Message, StringComparison.Ordinal);
    }
}
