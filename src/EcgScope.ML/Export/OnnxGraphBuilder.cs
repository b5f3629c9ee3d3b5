using System.Globalization;
using EcgScope.ML.Export.Onnx;
using Google.Protobuf;
using TorchSharp;
using TorchSharp.Modules;

namespace EcgScope.ML.Export;

/// <summary>
/// Writes one ONNX graph node by node: weights become initializers, each operation a node whose output names the
/// value it produces, so exporters read like the network's forward pass. <see cref="ToModel"/> wraps the graph in a
/// model with its operator sets and metadata.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    /// <summary>The metadata key naming the architecture ("ResNet1d", "FramedLstm", "LightGbm").</summary>
    public const string ArchitectureKey = "ecgscope.architecture";

    /// <summary>The metadata key giving the number of classes (logits per row).</summary>
    public const string ClassesKey = "ecgscope.classes";

    /// <summary>
    /// Opset 17 for the standard operators: the last in which ReduceMean takes its axes as an attribute (from 18 they
    /// are an input), with Squeeze's axes an input (from 13) and LSTM's current form (14). ONNX Runtime 1.12 and later
    /// run it.
    /// </summary>
    public const long Opset = 17;

    /// <summary>IR version 8 is the one that goes with opset 17 (and ai.onnx.ml 3).</summary>
    private const long IrVersion = 8;

    private readonly GraphProto graph;
    private readonly Dictionary<string, long> opsets = new(StringComparer.Ordinal) { [""] = Opset };

    /// <summary>Starts the graph of a model of <paramref name="architecture"/>.</summary>
    public OnnxGraphBuilder(string architecture)
    {
        Architecture = architecture;
        graph = new GraphProto { Name = architecture };
    }

    /// <summary>The architecture, the graph's name and the <see cref="ArchitectureKey"/> metadata.</summary>
    public string Architecture { get; }

    /// <summary>Declares that nodes of <paramref name="domain"/> ("" for the standard operators) follow opset <paramref name="version"/>.</summary>
    public OnnxGraphBuilder Import(string domain, long version)
    {
        opsets[domain] = version;
        return this;
    }

    /// <summary>A float graph input; a string dimension is symbolic (dynamic), a number fixed.</summary>
    public void AddInput(string name, params object[] dimensions) => graph.Input.Add(FloatValue(name, dimensions));

    /// <summary>A float graph output, dimensions as in <see cref="AddInput"/>.</summary>
    public void AddOutput(string name, params object[] dimensions) => graph.Output.Add(FloatValue(name, dimensions));

    /// <summary>An int64 constant (shapes, axes); returns its name.</summary>
    public string AddInt64Initializer(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A TorchSharp tensor as a float constant of its own shape; returns its name.</summary>
    public string AddInitializer(string name, torch.Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var values = tensor.detach().cpu().to_type(torch.ScalarType.Float32).contiguous();
        var initializer = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        initializer.Dims.AddRange(tensor.shape);
        initializer.FloatData.AddRange(values.data<float>().ToArray());
        graph.Initializer.Add(initializer);
        return name;
    }

    /// <summary>Adds a node of the standard domain that writes <paramref name="output"/>; returns that name.</summary>
    public string AddNode(string opType, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        AddNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds a node of the standard domain with several outputs; "" skips an optional output.</summary>
    public void AddNode(string opType, IEnumerable<string> inputs, IReadOnlyList<string> outputs, params AttributeProto[] attributes) =>
        AddNode("", opType, inputs, outputs, attributes);

    /// <summary>Adds a node of <paramref name="domain"/> (say "ai.onnx.ml") that writes <paramref name="outputs"/>.</summary>
    public void AddNode(string domain, string opType, IEnumerable<string> inputs, IReadOnlyList<string> outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { Name = outputs.Last(o => o.Length > 0) + "_" + opType, OpType = opType, Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
    }

    /// <summary>A Gemm node computing <paramref name="linear"/> on the rows of <paramref name="input"/>; returns <paramref name="output"/>.</summary>
    public string AddLinear(string input, Linear linear, string output)
    {
        ArgumentNullException.ThrowIfNull(linear);
        return AddNode("Gemm", [input, AddInitializer(output + ".weight", linear.weight!), AddInitializer(output + ".bias", linear.bias!)],
            output, Int("transB", 1));
    }

    /// <summary>
    /// Batch normalisation of <paramref name="input"/> in inference form (running mean and variance), its parameters
    /// stored as <c>NAME.weight</c>, <c>.bias</c>, <c>.running_mean</c>, <c>.running_var</c>; returns <paramref name="name"/>.
    /// </summary>
    public string AddBatchNormalization(
        string name, string input, torch.Tensor weight, torch.Tensor bias, torch.Tensor runningMean, torch.Tensor runningVariance, double epsilon) =>
        AddNode("BatchNormalization",
            [
                input,
                AddInitializer(name + ".weight", weight),
                AddInitializer(name + ".bias", bias),
                AddInitializer(name + ".running_mean", runningMean),
                AddInitializer(name + ".running_var", runningVariance),
            ],
            name,
            Float("epsilon", (float)epsilon));

    /// <summary>
    /// The graph as a model, stamped with EcgScope as its producer, its architecture, <paramref name="classes"/> and
    /// any further <paramref name="metadata"/>.
    /// </summary>
    public ModelProto ToModel(int classes, params (string Key, string Value)[] metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "EcgScope.ML",
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph,
        };
        model.OpsetImport.AddRange(opsets.Select(o => new OperatorSetIdProto { Domain = o.Key, Version = o.Value }));
        model.MetadataProps.Add(new StringStringEntryProto { Key = ArchitectureKey, Value = Architecture });
        model.MetadataProps.Add(new StringStringEntryProto { Key = ClassesKey, Value = classes.ToString(CultureInfo.InvariantCulture) });
        model.MetadataProps.AddRange(metadata.Select(m => new StringStringEntryProto { Key = m.Key, Value = m.Value }));
        return model;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>An integer list attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A float list attribute.</summary>
    public static AttributeProto Floats(string name, IEnumerable<float> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        attribute.Floats.AddRange(values);
        return attribute;
    }

    /// <summary>A string attribute.</summary>
    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A string list attribute.</summary>
    public static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return attribute;
    }

    private static ValueInfoProto FloatValue(string name, object[] dimensions)
    {
        var shape = new TensorShapeProto();
        foreach (var dimension in dimensions)
        {
            shape.Dim.Add(dimension is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dimension, CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
