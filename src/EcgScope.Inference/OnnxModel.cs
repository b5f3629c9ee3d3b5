using EcgScope.Inference.Preprocessing;
using Microsoft.ML.OnnxRuntime;

namespace EcgScope.Inference;

/// <summary>
/// One ONNX model served by ONNX Runtime: a batch of float inputs in, raw logits (and, for networks that export it,
/// the last feature map for class activation maps) out. Every EcgScope model names its input "input" and its scores
/// "logits"; softmax, temperature and the choice of model are the registry's. Run is safe to call from several threads.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    /// <summary>The input every EcgScope model takes: [batch, ...] floats.</summary>
    public const string InputName = "input";

    /// <summary>The raw scores every EcgScope model gives: [batch, classes] floats, before softmax.</summary>
    public const string LogitsName = "logits";

    /// <summary>The optional last feature map of a network: [batch, channels, time] floats.</summary>
    public const string FeatureMapName = "featureMap";

    /// <summary>The optional class activation map of a network: [batch, classes, time] floats (head weights × feature map).</summary>
    public const string ClassActivationName = "classActivation";

    private readonly InferenceSession session;

    private OnnxModel(InferenceSession session, string name)
    {
        this.session = session;
        Name = name;
        Metadata = session.ModelMetadata.CustomMetadataMap;
        if (!session.InputMetadata.ContainsKey(InputName) || !session.OutputMetadata.ContainsKey(LogitsName))
        {
            session.Dispose();
            throw new InvalidDataException(
                $"{name}: an EcgScope model takes \"{InputName}\" and gives \"{LogitsName}\"; this one takes " +
                $"{string.Join(", ", session.InputMetadata.Keys)} and gives {string.Join(", ", session.OutputMetadata.Keys)}.");
        }

        HasFeatureMap = session.OutputMetadata.ContainsKey(FeatureMapName);
        HasClassActivation = session.OutputMetadata.ContainsKey(ClassActivationName);
    }

    /// <summary>The file name (or the name given with the bytes), for messages.</summary>
    public string Name { get; }

    /// <summary>The model's metadata properties (architecture, classes, ...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Whether the model gives a <see cref="FeatureMapName"/> output.</summary>
    public bool HasFeatureMap { get; }

    /// <summary>
    /// Loads a model file. A missing file is a <see cref="FileNotFoundException"/>, one that is not an ONNX model
    /// of EcgScope's shape an <see cref="InvalidDataException"/>, both naming the file.
    /// </summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="intraOpThreads">Threads one inference may use (1: a server runs requests side by side instead).</param>
    public static OnnxModel Load(string path, int intraOpThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file not found: {path}", path);
        }

        return Create(options => new InferenceSession(path, options), path, intraOpThreads);
    }

    /// <summary>Loads a model from its bytes; <paramref name="name"/> stands for the file in messages.</summary>
    public static OnnxModel Load(byte[] model, string name, int intraOpThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Create(options => new InferenceSession(model, options), name, intraOpThreads);
    }

    /// <summary>Whether the model gives a <see cref="ClassActivationName"/> output.</summary>
    public bool HasClassActivation { get; }

    /// <summary>Runs the windows of a prepared record as one batch, asking for <paramref name="maps"/> besides the logits.</summary>
    public OnnxModelOutput Run(PreparedInput input, OnnxMaps maps = OnnxMaps.None)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Run(maps, input.Samples, input.WindowCount, input.LeadCount, input.WindowSamples);
    }

    /// <summary>Runs a batch for its logits: <paramref name="input"/> holds the rows one after another, row-major in <paramref name="shape"/> ([batch, ...]).</summary>
    public OnnxModelOutput Run(float[] input, params long[] shape) => Run(OnnxMaps.None, input, shape);

    /// <summary>
    /// Runs a batch for its logits and the <paramref name="maps"/> the model gives (each one asked for costs a copy
    /// of [batch, channels or classes, time] floats, so serving asks only for what it uses).
    /// </summary>
    public OnnxModelOutput Run(OnnxMaps maps, float[] input, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0 || shape.Aggregate(1L, (product, d) => product * d) != input.Length)
        {
            throw new ArgumentException($"{input.Length} values do not fill the shape [{string.Join(", ", shape)}].", nameof(input));
        }

        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        string[] outputNames =
        [
            LogitsName,
            .. maps.HasFlag(OnnxMaps.FeatureMap) && HasFeatureMap ? [FeatureMapName] : Array.Empty<string>(),
            .. maps.HasFlag(OnnxMaps.ClassActivation) && HasClassActivation ? [ClassActivationName] : Array.Empty<string>(),
        ];
        using var results = session.Run(runOptions, [InputName], [value], outputNames);
        var logitsShape = results[0].GetTensorTypeAndShape().Shape;
        var logits = results[0].GetTensorDataAsSpan<float>().ToArray();
        float[]? Optional(string name) =>
            Array.IndexOf(outputNames, name) is var index and > 0 ? results[index].GetTensorDataAsSpan<float>().ToArray() : null;
        var featureMap = Optional(FeatureMapName);
        var timeSteps = outputNames.Length > 1 ? (int)results[1].GetTensorTypeAndShape().Shape[2] : 0;
        var channels = featureMap is null ? 0 : (int)results[1].GetTensorTypeAndShape().Shape[1];
        return new OnnxModelOutput(logits, (int)logitsShape[1], featureMap, channels, timeSteps) { ClassActivation = Optional(ClassActivationName) };
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private static OnnxModel Create(Func<SessionOptions, InferenceSession> open, string name, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        InferenceSession session;
        try
        {
            session = open(options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{name}: not a readable ONNX model ({e.Message})", e);
        }

        return new OnnxModel(session, name);
    }
}

/// <summary>
/// What an <see cref="OnnxModel"/> gave for a batch: <see cref="Logits"/> [rows, classes] and, where the model has
/// one, <see cref="FeatureMap"/> [rows, channels, time steps], both row-major.
/// </summary>
public sealed class OnnxModelOutput(float[] logits, int classes, float[]? featureMap, int channels, int timeSteps)
{
    /// <summary>The raw scores of all rows, one after another.</summary>
    public float[] Logits { get; } = logits;

    /// <summary>Scores per row.</summary>
    public int Classes { get; } = classes;

    /// <summary>The rows of the batch.</summary>
    public int Rows => Classes == 0 ? 0 : Logits.Length / Classes;

    /// <summary>The last feature map of all rows, or null when the model gives none.</summary>
    public float[]? FeatureMap { get; } = featureMap;

    /// <summary>Channels of the feature map (0 without one).</summary>
    public int Channels { get; } = channels;

    /// <summary>Time steps of the feature map and class activation map (0 without either); each spans samples / time steps of the input.</summary>
    public int TimeSteps { get; } = timeSteps;

    /// <summary>The class activation maps of all rows ([rows, classes, time steps]), or null when the model gives none.</summary>
    public float[]? ClassActivation { get; init; }

    /// <summary>The activation of class <paramref name="classIndex"/> over the time steps of one row; throws when the model gives none.</summary>
    public ReadOnlySpan<float> ClassActivationOf(int row, int classIndex) =>
        ClassActivation is null
            ? throw new InvalidOperationException("This model gives no class activation map.")
            : ClassActivation.AsSpan(((row * Classes) + classIndex) * TimeSteps, TimeSteps);
}

/// <summary>The maps an <see cref="OnnxModel"/> run may give besides its logits.</summary>
[Flags]
public enum OnnxMaps
{
    /// <summary>Logits only.</summary>
    None = 0,

    /// <summary>The last feature map ([batch, channels, time]).</summary>
    FeatureMap = 1,

    /// <summary>The class activation map ([batch, classes, time]).</summary>
    ClassActivation = 2,
}
