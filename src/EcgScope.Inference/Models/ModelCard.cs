using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Models;

/// <summary>Whether a model picks one class (softmax) or says yes or no to each (sigmoid).</summary>
public enum ModelTask
{
    /// <summary>One class per record; probabilities sum to one.</summary>
    SingleLabel,

    /// <summary>Any number of classes per record; one independent probability each.</summary>
    MultiLabel,
}

/// <summary>
/// A model's card as the registry reads it (<c>models/NAME/NAME.json</c>, beside the weights): what the model takes,
/// how its outputs are calibrated and decided, and where its figures come from. <c>docs/models/NAME.md</c> is the same
/// card for people.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The options every card is read and written with (camelCase, enums as camelCase strings).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The registry name, e.g. <c>rhythm-cnn</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A short title for people.</summary>
    public required string Title { get; init; }

    /// <summary>What the model is for and what it is not for, in a sentence or two.</summary>
    public required string IntendedUse { get; init; }

    /// <summary>Single- or multi-label.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The classes in output order.</summary>
    public required ImmutableArray<ModelClass> Classes { get; init; }

    /// <summary>
    /// What a signal model reads, applied by the registry to any record. An image model's card has <see cref="Image"/>
    /// and a feature model's <see cref="Features"/> instead, and no input; <see cref="Read"/> refuses a card without
    /// exactly one of the three, and the registry offers image and feature models apart
    /// (<see cref="ModelRegistry.ImageCards"/>, <see cref="ModelRegistry.FeatureCards"/>), so code that reads signal
    /// cards never meets a missing one.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InputSpec Input { get; init; } = null!;

    /// <summary>What an image model (a printout classifier) reads, or null for a signal model.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageInputSpec? Image { get; init; }

    /// <summary>What a feature model reads (a named vector its caller computes), or null for a signal model.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FeatureInputSpec? Features { get; init; }

    /// <summary>A feature model whose vote a signal model's verdict averages in, or null for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FeatureCompanion? Companion { get; init; }

    /// <summary>The ONNX file beside the card and its SHA-256, checked when the model loads.</summary>
    public required ModelWeights Weights { get; init; }

    /// <summary>Temperature scaling fitted on validation data.</summary>
    public ModelCalibration Calibration { get; init; } = new();

    /// <summary>When the model answers "inconclusive".</summary>
    public ModelDecision Decision { get; init; } = new();

    /// <summary>The headline figures (name → value, in ordinal order so a card is written the same every time), each described in the card's document.</summary>
    public ImmutableSortedDictionary<string, double> Metrics { get; init; } = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The data the model was trained and evaluated on, with its source and licence, or null where the document says it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrainingData { get; init; }

    /// <summary>The command that reproduces the card's figures, or null where the document gives it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reproduce { get; init; }

    /// <summary>The card's document for people, relative to the repository root (e.g. <c>docs/models/rhythm-cnn.md</c>).</summary>
    public string? Document { get; init; }

    /// <summary>The output index of the class called <paramref name="name"/>; throws for a class the model does not have.</summary>
    public int ClassIndex(string name)
    {
        for (var i = 0; i < Classes.Length; i++)
        {
            if (Classes[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"Model '{Name}' has no class '{name}'.", nameof(name));
    }

    /// <summary>Reads a card from its JSON file.</summary>
    public static ModelCard Read(string path)
    {
        try
        {
            var card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: the model card is empty.");
            var kinds = new object?[] { card.Input, card.Image, card.Features }.Count(kind => kind is not null);
            return kinds != 1
                ? throw new InvalidDataException(
                    $"{path}: a model card has exactly one of \"input\" (a signal model), \"image\" (an image model) or \"features\" (a feature model); this one has {(kinds == 0 ? "neither" : "more than one")}.")
                : card.Companion is not null && (card.Input is null || card.Input.Leads.Length != 1)
                    ? throw new InvalidDataException($"{path}: only a single-lead signal model can have a \"companion\" feature model.")
                    : card;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a valid model card: {exception.Message}", exception);
        }
    }
}

/// <summary>One output class of a model.</summary>
/// <param name="Name">The class as the model's outputs name it, e.g. <c>AF</c>.</param>
/// <param name="Description">What the class means, in plain words that do not diagnose.</param>
public sealed record ModelClass(string Name, string Description);

/// <summary>The weights file of a model.</summary>
/// <param name="File">The ONNX file, relative to the card (or to <paramref name="Model"/>'s card).</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="Model">
/// The model whose folder holds the file, when it is another model's: an ensemble reads the very network another
/// card ships rather than a copy of it. Null for the card's own folder.
/// </param>
public sealed record ModelWeights(
    string File,
    string Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model = null);

/// <summary>Temperature scaling, fitted on validation data: logits are divided by <see cref="Temperature"/> before softmax or sigmoid.</summary>
public sealed record ModelCalibration
{
    /// <summary>The fitted temperature (1 = uncalibrated).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Expected calibration error on held-out test records before scaling (the card's document says which).</summary>
    public double? ExpectedCalibrationErrorBefore { get; init; }

    /// <summary>Expected calibration error on held-out test records after scaling.</summary>
    public double? ExpectedCalibrationErrorAfter { get; init; }
}

/// <summary>When a verdict is withheld.</summary>
public sealed record ModelDecision
{
    /// <summary>
    /// A single-label verdict below this calibrated probability is "inconclusive" (chosen on validation data, see the
    /// card); 0 never withholds.
    /// </summary>
    public double MinimumProbability { get; init; }

    /// <summary>Classes that mean the recording cannot be read (e.g. <c>Noisy</c>): choosing one is "inconclusive".</summary>
    public ImmutableArray<string> InconclusiveClasses { get; init; } = [];

    /// <summary>Whether a lead the quality check judges unacceptable makes the verdict "inconclusive".</summary>
    public bool RequireAcceptableQuality { get; init; } = true;
}
