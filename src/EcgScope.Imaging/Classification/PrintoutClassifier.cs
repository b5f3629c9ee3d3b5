using System.Collections.Immutable;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Features;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using OpenCvSharp;

namespace EcgScope.Imaging.Classification;

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

    /// <summary>
    /// The verdicts of <paramref name="cards"/> on a printout: image models read <paramref name="image"/> (8-bit BGR, as
    /// <see cref="PrintoutDigitizer.Decode"/> gives it), feature models the signal features of
    /// <paramref name="printout"/>, the same image digitized. A model that cannot be loaded (an image model's backbone package was never restored) gives
    /// an inconclusive verdict saying so, so that the signal read from the image is still classified.
    /// </summary>
    public static ImmutableArray<PrintoutVerdict> ClassifyAll(Mat image, DigitizedPrintout printout, ModelRegistry registry, IEnumerable<ModelCard> cards)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(printout);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(cards);
        var features = new Lazy<double[]>(() => PrintoutFeatures.Compute(printout));
        return [.. cards.Select(card => ClassifyOrExplain(card, () => card.Image is not null
            ? Classify(image, registry.LoadImage(card.Name))
            : Classify(features.Value, registry.LoadFeatures(card.Name))))];
    }

    private static PrintoutVerdict ClassifyOrExplain(ModelCard card, Func<PrintoutVerdict> classify)
    {
        try
        {
            return classify();
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            return new PrintoutVerdict
            {
                Model = card.Name,
                InconclusiveReason = $"the model could not be loaded ({exception.Message})",
                Probabilities = [],
                GridFound = false,
            };
        }
    }

    /// <summary>The verdict of the feature model <paramref name="model"/> on a printout's <see cref="PrintoutFeatures"/>.</summary>
    private static PrintoutVerdict Classify(double[] features, LoadedModel model)
    {
        var card = model.Card;
        var verdict = FeatureClassification.Classify(model, PrintoutFeatures.Names, features);
        return new PrintoutVerdict
        {
            Model = card.Name,
            ClassName = verdict.ClassIndex is { } chosen ? card.Classes[chosen].Name : null,
            InconclusiveReason = verdict.InconclusiveReason,
            Probabilities = [.. card.Classes.Select((c, i) => new ClassProbability(c.Name, verdict.Probabilities[i]))],
            GridFound = true,
        };
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
