using System.Collections.Concurrent;
using System.Security.Cryptography;
using EcgScope.Signal.Features;

namespace EcgScope.Inference.Models;

/// <summary>
/// The models in a folder: one subfolder per model holding its card (<c>NAME.json</c>) and its ONNX weights (or naming
/// the model whose weights it shares). Cards are
/// read when the registry opens; weights load on first use, after their SHA-256 is checked against the card, and stay
/// loaded. Safe to use from several threads.
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    /// <summary>The environment variable that points the registry at another models folder.</summary>
    public const string DirectoryVariable = "ECGSCOPE_MODELS";

    private readonly ConcurrentDictionary<string, Lazy<LoadedModel>> loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<LoadedImageModel>> loadedImages = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> cardPaths;
    private bool disposed;

    /// <summary>Opens the registry of <paramref name="directory"/>, reading every card in its subfolders.</summary>
    /// <param name="directory">The models folder.</param>
    /// <param name="selection">Which models to offer and local decision thresholds (default: every model as its card says).</param>
    /// <exception cref="ArgumentException">The selection names a model the folder does not have.</exception>
    public ModelRegistry(string directory, ModelSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No models folder at {directory}.");
        }

        Directory = directory;
        var cards = System.IO.Directory.EnumerateDirectories(directory)
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".json"))
            .Where(File.Exists)
            .Select(path => (Path: path, Card: ModelCard.Read(path)))
            .ToList();
        foreach (var (path, card) in cards.Where(c => !string.Equals(c.Card.Name, Path.GetFileNameWithoutExtension(c.Path), StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidDataException($"{path}: the card names the model '{card.Name}', but its folder is '{Path.GetFileNameWithoutExtension(path)}'; they must agree.");
        }

        cardPaths = cards.ToDictionary(c => c.Card.Name, c => c.Path, StringComparer.OrdinalIgnoreCase);
        var offered = (selection ?? ModelSelection.All).Apply(cards.Select(c => c.Card)).OrderBy(card => card.Name, StringComparer.Ordinal).ToList();
        Cards = [.. offered.Where(card => card.Image is null && card.Features is null)];
        ImageCards = [.. offered.Where(card => card.Image is not null)];
        FeatureCards = [.. offered.Where(card => card.Features is not null)];
    }

    /// <summary>The folder the registry reads.</summary>
    public string Directory { get; }

    /// <summary>Every signal model's card, by name: the models that classify records.</summary>
    public IReadOnlyList<ModelCard> Cards { get; }

    /// <summary>Every image model's card, by name: the models that classify printout images (EcgScope.Imaging runs them).</summary>
    public IReadOnlyList<ModelCard> ImageCards { get; }

    /// <summary>Every feature model's card, by name: the models that classify a feature vector (a printout's signal features).</summary>
    public IReadOnlyList<ModelCard> FeatureCards { get; }

    /// <summary>
    /// The models folder an application uses: <c>$ECGSCOPE_MODELS</c> if set, else <c>models</c> beside the application
    /// (where the build copies the repository's models).
    /// </summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The card of <paramref name="name"/>; throws naming the models there are when it is unknown.</summary>
    public ModelCard Card(string name) =>
        Cards.FirstOrDefault(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No model called '{name}' in {Directory}; the models are: {string.Join(", ", Cards.Select(card => card.Name))}.");

    /// <summary>The card of <paramref name="name"/>, a signal, image or feature model; throws naming every model when it is unknown.</summary>
    public ModelCard AnyCard(string name) =>
        Cards.Concat(ImageCards).Concat(FeatureCards).FirstOrDefault(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No model called '{name}' in {Directory}; the models are: {string.Join(", ", Cards.Concat(ImageCards).Concat(FeatureCards).Select(card => card.Name))}.");

    /// <summary>The card of the feature model <paramref name="name"/>; throws naming the feature models there are when it is unknown.</summary>
    public ModelCard FeatureCard(string name) =>
        FeatureCards.FirstOrDefault(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No feature model called '{name}' in {Directory}; the feature models are: {string.Join(", ", FeatureCards.Select(card => card.Name))}.");

    /// <summary>The card of the image model <paramref name="name"/>; throws naming the image models there are when it is unknown.</summary>
    public ModelCard ImageCard(string name) =>
        ImageCards.FirstOrDefault(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No image model called '{name}' in {Directory}; the image models are: {string.Join(", ", ImageCards.Select(card => card.Name))}.");

    /// <summary>The model <paramref name="name"/>, loaded once; a load that failed is tried again next time.</summary>
    public LoadedModel Load(string name) => Loaded(Card(name), loaded, Open);

    /// <summary>
    /// The image model <paramref name="name"/> with its backbone (found in the NuGet packages folder, see
    /// <see cref="ImageBackbone.PackageFolder"/>), loaded once; a load that failed is tried again next time.
    /// </summary>
    public LoadedImageModel LoadImage(string name) => Loaded(ImageCard(name), loadedImages, OpenImage);

    /// <summary>The feature model <paramref name="name"/>, loaded once; a load that failed is tried again next time.</summary>
    public LoadedModel LoadFeatures(string name) => Loaded(FeatureCard(name), loaded, Open);

    private TModel Loaded<TModel>(ModelCard card, ConcurrentDictionary<string, Lazy<TModel>> cache, Func<ModelCard, TModel> open)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var lazy = cache.GetOrAdd(card.Name, _ => new Lazy<TModel>(() => open(card)));
        try
        {
            return lazy.Value;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Lazy keeps a thrown exception for good; a file fixed or back after an I/O error must load next time.
            cache.TryRemove(new KeyValuePair<string, Lazy<TModel>>(card.Name, lazy));
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        disposed = true;
        foreach (var model in loaded.Values.Where(lazy => lazy.IsValueCreated))
        {
            model.Value.Dispose();
        }

        foreach (var model in loadedImages.Values.Where(lazy => lazy.IsValueCreated))
        {
            model.Value.Dispose();
        }
    }

    /// <summary>The bytes of <paramref name="path"/>, checked against <paramref name="weights"/>' SHA-256.</summary>
    internal static byte[] ReadChecked(string path, ModelWeights weights, string what)
    {
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException($"{what} missing: {path}", path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return string.Equals(hash, weights.Sha256, StringComparison.OrdinalIgnoreCase)
            ? bytes
            : throw new InvalidDataException($"{path}: SHA-256 {hash} differs from the card's {weights.Sha256}; the weights are not the ones the card describes.");
    }

    /// <summary>Where <paramref name="weights"/> of <paramref name="card"/> lie: beside the card, or beside the card of the model they belong to.</summary>
    private string WeightsPath(ModelCard card, ModelWeights weights)
    {
        var owner = weights.Model ?? card.Name;
        return cardPaths.TryGetValue(owner, out var ownerCard)
            ? Path.Combine(Path.GetDirectoryName(ownerCard)!, weights.File)
            : throw new InvalidDataException(
                $"{cardPaths[card.Name]}: model '{card.Name}' reads the weights of model '{owner}' ({weights.File}), which is not in {Directory}; keep the models folder whole.");
    }

    private string WeightsPath(ModelCard card) => WeightsPath(card, card.Weights);

    private LoadedModel Open(ModelCard card)
    {
        var path = WeightsPath(card);
        var onnx = OnnxModel.Load(ReadChecked(path, card.Weights, $"The weights of model '{card.Name}' are"), path);
        try
        {
            return new LoadedModel(card, onnx, card.Companion is { } companion ? OpenCompanion(card, companion) : null);
        }
        catch
        {
            onnx.Dispose();
            throw;
        }
    }

    private OnnxModel OpenCompanion(ModelCard card, FeatureCompanion companion)
    {
        var path = WeightsPath(card, companion.Weights);
        if (!companion.Features.Names.SequenceEqual(RhythmFeatures.Names, StringComparer.Ordinal) || companion.Baseline.Length != RhythmFeatures.Names.Length)
        {
            throw new InvalidDataException(
                $"{cardPaths[card.Name]}: the companion of model '{card.Name}' must read EcgScope's {RhythmFeatures.Names.Length} rhythm features, in their order, with a baseline value for each.");
        }

        return OnnxModel.Load(ReadChecked(path, companion.Weights, $"The companion weights of model '{card.Name}' are"), path);
    }

    private LoadedImageModel OpenImage(ModelCard card)
    {
        var path = WeightsPath(card);
        var head = OnnxModel.Load(ReadChecked(path, card.Weights, $"The weights of model '{card.Name}' are"), path);
        try
        {
            return new LoadedImageModel(card, card.Image!.Backbone is { } backbone ? OnnxPipeline.Open(backbone) : null, head);
        }
        catch
        {
            head.Dispose();
            throw;
        }
    }
}

/// <summary>A model ready to run: its card, its ONNX Runtime session and its companion's, if the card has one.</summary>
public sealed class LoadedModel(ModelCard card, OnnxModel onnx, OnnxModel? companion = null) : IDisposable
{
    /// <summary>The card.</summary>
    public ModelCard Card { get; } = card;

    /// <summary>The session.</summary>
    public OnnxModel Onnx { get; } = onnx;

    /// <summary>The session of the card's <see cref="ModelCard.Companion"/>, or null when it has none.</summary>
    public OnnxModel? Companion { get; } = companion;

    /// <inheritdoc />
    public void Dispose()
    {
        Onnx.Dispose();
        Companion?.Dispose();
    }
}
