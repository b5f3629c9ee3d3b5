using System.Collections.Immutable;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using OpenCvSharp;

namespace EcgScope.Imaging.Classification;

/// <summary>What an image model says about one printout: calibrated probabilities, and a class unless it is inconclusive.</summary>
public sealed record PrintoutVerdict
{
    /// <summary>The model's registry name.</summary>
    public required string Model { get; init; }

    /// <summary>The chosen class, or null when the verdict is inconclusive.</summary>
    public string? ClassName { get; init; }

    /// <summary>Why no class is given, in plain words, or null when one is.</summary>
    public string? InconclusiveReason { get; init; }

    /// <summary>Whether a class is given.</summary>
    public bool IsConclusive => InconclusiveReason is null;

    /// <summary>The temperature-scaled probability of every class, in the card's order; they sum to one.</summary>
    public required ImmutableArray<ClassProbability> Probabilities { get; init; }

    /// <summary>Whether a pink or red ECG paper grid was found (else the whole image was read).</summary>
    public required bool GridFound { get; init; }
}

/// <summary>
/// Classifies a printout image with an image model from the registry: the card's preprocessing
/// (<see cref="PrintoutPixels"/>), ONNX Runtime (backbone and head), temperature scaling, and "inconclusive" when no
/// paper grid is found or the top probability is below the card's threshold. Not a diagnosis.
/// </summary>
public static class PrintoutClassifier
{
    /// <summary>The verdict of <paramref name="model"/> on the image file at <paramref name="path"/>.</summary>
    /// <exception cref="Core.EcgFormatException">The file is not a decodable image.</exception>
    public static PrintoutVerdict Classify(string path, LoadedImageModel model)
    {
        using var image = PrintoutPixels.Read(path);
        return Classify(image, model);
    }

    /// <summary>The verdict of <paramref name="model"/> on a decoded 8-bit BGR image.</summary>
    public static PrintoutVerdict Classify(Mat bgr, LoadedImageModel model)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(model);
        var card = model.Card;
        var spec = card.Image ?? throw new ArgumentException($"Model '{card.Name}' is not an image model.", nameof(model));
        var gridFound = PrintoutPixels.TryFindGrid(bgr, out _);
        var probabilities = Probabilities.Softmax(model.Logits(PrintoutPixels.Input(bgr, spec)), card.Calibration.Temperature);
        var top = Probabilities.ArgMax(probabilities);
        var reason = !gridFound
            ? "no ECG paper grid was found in the image, so the model's reading would not be trustworthy"
            : probabilities[top] < card.Decision.MinimumProbability
                ? $"no class reaches the probability this model needs to answer ({card.Decision.MinimumProbability:0.00})"
                : null;
        return new PrintoutVerdict
        {
            Model = card.Name,
            ClassName = reason is null ? card.Classes[top].Name : null,
            InconclusiveReason = reason,
            Probabilities = [.. card.Classes.Select((c, i) => new ClassProbability(c.Name, probabilities[i]))],
            GridFound = gridFound,
        };
    }
}
