using System.Globalization;
using EcgScope.ML.Networks;
using Google.Protobuf;
using TorchSharp.Modules;
using static EcgScope.ML.Export.OnnxGraphBuilder;
using static TorchSharp.torch;

namespace EcgScope.ML.Export;

/// <summary>
/// Writes a <see cref="FramedLstm"/> as an ONNX model: input "input" [batch, 1, samples] (batch and samples dynamic,
/// samples a multiple of the frame length), output "logits" [batch, classes].
/// </summary>
public static class FramedLstmOnnxExporter
{
    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(FramedLstm network) => Build(network).ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public static void Export(FramedLstm network, string path) => File.WriteAllBytes(path, Export(network));

    private static Onnx.ModelProto Build(FramedLstm network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var shape = network.Shape;
        var graph = new OnnxGraphBuilder(nameof(FramedLstm));
        graph.AddInput("input", "batch", 1, "samples");

        // [batch, 1, samples] → [batch, frames, frame samples] → [frames, batch, frame samples]: ONNX Runtime's LSTM
        // takes the sequence axis first only (it refuses layout = 1).
        var frames = graph.AddNode("Reshape", ["input", graph.AddInt64Initializer("frame_shape", 0, -1, shape.FrameSamples)], "frames");
        var steps = graph.AddNode("Transpose", [frames], "steps", Ints("perm", 1, 0, 2));

        // Y of the first layer is [frames, 1 direction, batch, hidden]; the second layer reads it without the direction axis.
        var sequence = graph.AddNode("LSTM", [steps, .. Weights(graph, "lstm1", network.Lstm1)], "lstm1.y", Int("hidden_size", shape.Hidden1));
        sequence = graph.AddNode("Squeeze", [sequence, graph.AddInt64Initializer("direction_axis", 1)], "lstm1.sequence");

        // Batch norm takes channels second: [frames, batch, hidden] → [batch, hidden, frames] and back. Dropout is training only.
        var channelsSecond = graph.AddNode("Transpose", [sequence], "lstm1.channels", Ints("perm", 1, 2, 0));
        var normalised = Normalize(graph, "norm1", channelsSecond, network.Norm1);
        sequence = graph.AddNode("Transpose", [normalised], "norm1.sequence", Ints("perm", 2, 0, 1));
        graph.AddNode("LSTM", [sequence, .. Weights(graph, "lstm2", network.Lstm2)], ["", "lstm2.h"], Int("hidden_size", shape.Hidden2));
        var last = graph.AddNode("Squeeze", ["lstm2.h", graph.AddInt64Initializer("direction_only", 0)], "lstm2.last");

        graph.AddLinear(Normalize(graph, "norm2", last, network.Norm2), network.Head, "logits");
        graph.AddOutput("logits", "batch", shape.Classes);
        return graph.ToModel(shape.Classes, ("ecgscope.frameSamples", shape.FrameSamples.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Normalize(OnnxGraphBuilder graph, string name, string input, BatchNorm1d norm) =>
        graph.AddBatchNormalization(name, input, norm.weight!, norm.bias!, norm.running_mean!, norm.running_var!, norm.eps);

    /// <summary>W, R and B of one single-direction layer, in ONNX's shapes and gate order.</summary>
    private static string[] Weights(OnnxGraphBuilder graph, string name, LSTM lstm)
    {
        using var scope = NewDisposeScope();
        var bias = cat([Gates(lstm, "bias_ih_l0"), Gates(lstm, "bias_hh_l0")]);
        return
        [
            graph.AddInitializer(name + ".W", Gates(lstm, "weight_ih_l0").unsqueeze(0)),
            graph.AddInitializer(name + ".R", Gates(lstm, "weight_hh_l0").unsqueeze(0)),
            graph.AddInitializer(name + ".B", bias.unsqueeze(0)),
        ];
    }

    /// <summary>
    /// One of the layer's stacked gate parameters in ONNX's order. PyTorch stacks the gates' rows as input, forget,
    /// cell, output; ONNX as input, output, forget, cell. The equations are the same (ONNX's default activations are
    /// PyTorch's), so reordering the row blocks is the whole translation.
    /// </summary>
    private static Tensor Gates(LSTM lstm, string parameter)
    {
        var stacked = lstm.get_parameter(parameter)
            ?? throw new ArgumentException($"The LSTM has no {parameter}; this exports one-layer, one-direction LSTMs with biases.", nameof(lstm));
        var gates = stacked.detach().chunk(4, 0);
        return cat([gates[0], gates[3], gates[1], gates[2]]);
    }
}
