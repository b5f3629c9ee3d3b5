using Microsoft.ML.OnnxRuntime;

namespace EcgScope.Inference.Models;

/// <summary>
/// A pretrained backbone's ONNX files run one after another on one input (batch of one), each file's only output fed
/// to the next one's only input; the last output, flattened, is the feature vector.
/// </summary>
public sealed class OnnxPipeline : IDisposable
{
    private readonly List<InferenceSession> sessions;

    private OnnxPipeline(List<InferenceSession> sessions) => this.sessions = sessions;

    /// <summary>
    /// Opens the stages of <paramref name="backbone"/> from its package folder, each checked against its SHA-256.
    /// </summary>
    /// <exception cref="FileNotFoundException">A stage is not in the package folder (the package was never restored there).</exception>
    /// <exception cref="InvalidDataException">A stage's SHA-256 differs from the card's, or it is not a readable ONNX model.</exception>
    public static OnnxPipeline Open(ImageBackbone backbone, int intraOpThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        var sessions = new List<InferenceSession>();
        try
        {
            foreach (var stage in backbone.Stages)
            {
                var path = Path.Combine(backbone.PackageFolder, stage.File);
                var bytes = ModelRegistry.ReadChecked(
                    path, stage, $"The backbone file of NuGet package {backbone.Package} {backbone.Version} (restore src/EcgScope.Imaging, or set {ImageBackbone.PackagesVariable}) is");
                using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
                try
                {
                    sessions.Add(new InferenceSession(bytes, options));
                }
                catch (OnnxRuntimeException e)
                {
                    throw new InvalidDataException($"{path}: not a readable ONNX model ({e.Message})", e);
                }
            }

            return new OnnxPipeline(sessions);
        }
        catch
        {
            sessions.ForEach(session => session.Dispose());
            throw;
        }
    }

    /// <summary>The features of one input, laid out as the first stage's input shape says (its batch dimension 1).</summary>
    public float[] Run(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = input;
        foreach (var session in sessions)
        {
            var (inputName, inputMetadata) = session.InputMetadata.Single();
            long[] shape = [.. inputMetadata.Dimensions.Select(d => (long)Math.Max(d, 1))];
            using var value = OrtValue.CreateTensorValueFromMemory(values, shape);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, [inputName], [value], [session.OutputMetadata.Keys.Single()]);
            values = results[0].GetTensorDataAsSpan<float>().ToArray();
        }

        return values;
    }

    /// <inheritdoc />
    public void Dispose() => sessions.ForEach(session => session.Dispose());
}

/// <summary>An image model ready to run: its card, its backbone (or null) and its own ONNX weights.</summary>
public sealed class LoadedImageModel(ModelCard card, OnnxPipeline? backbone, OnnxModel head) : IDisposable
{
    /// <summary>The card.</summary>
    public ModelCard Card { get; } = card;

    /// <summary>The raw scores of one image's network input (<see cref="ImageInputSpec.Length"/> values, channels first).</summary>
    public double[] Logits(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = Card.Image!;
        if (input.Length != spec.Length)
        {
            throw new ArgumentException($"Model '{Card.Name}' takes {spec.Length} values, not {input.Length}.", nameof(input));
        }

        var output = backbone is null
            ? head.Run(input, 1, spec.Pixels == ImagePixels.InkGrey ? 1 : 3, spec.Height, spec.Width)
            : Features(backbone.Run(input));
        return [.. output.Logits.Select(z => (double)z)];
    }

    /// <summary>The backbone's features of one image's network input, before the card's own weights.</summary>
    public float[] BackboneFeatures(float[] input) =>
        backbone?.Run(input) ?? throw new InvalidOperationException($"Model '{Card.Name}' has no backbone.");

    /// <inheritdoc />
    public void Dispose()
    {
        backbone?.Dispose();
        head.Dispose();
    }

    private OnnxModelOutput Features(float[] features) => head.Run(features, 1, features.Length);
}
