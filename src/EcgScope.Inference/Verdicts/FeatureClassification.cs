using EcgScope.Inference.Models;

namespace EcgScope.Inference.Verdicts;

/// <summary>A feature model's answer for one feature vector.</summary>
/// <param name="Probabilities">Calibrated class probabilities in the card's class order (summing to 1).</param>
/// <param name="ClassIndex">The chosen class, or null when inconclusive.</param>
/// <param name="InconclusiveReason">Why no class was chosen, in plain words; null when one was.</param>
public sealed record FeatureVerdict(double[] Probabilities, int? ClassIndex, string? InconclusiveReason);

/// <summary>Runs a feature model (<see cref="ModelRegistry.LoadFeatures"/>) on one feature vector with its card's calibration and decision rules.</summary>
public static class FeatureClassification
{
    /// <summary>
    /// The verdict of <paramref name="model"/> on <paramref name="values"/> named <paramref name="names"/> (the card's
    /// feature names, in order): softmax of the logits over the card's temperature; "inconclusive" when the card's
    /// confidence feature is too low or the top probability is below the card's minimum.
    /// </summary>
    public static FeatureVerdict Classify(LoadedModel model, IReadOnlyList<string> names, double[] values)
    {
        ArgumentNullException.ThrowIfNull(model);
        var spec = model.Card.Features ?? throw new ArgumentException($"Model '{model.Card.Name}' is not a feature model.", nameof(model));
        var row = spec.Prepare(names, values);
        var logits = model.Onnx.Run(row, 1, row.Length).Logits.Select(logit => (double)logit).ToArray();
        var probabilities = Probabilities.Softmax(logits, model.Card.Calibration.Temperature);
        var top = Probabilities.ArgMax(probabilities);
        var reason = spec.TooUncertain(names, values)
            ? "the printout could not be read reliably enough"
            : probabilities[top] < model.Card.Decision.MinimumProbability
                ? "no class is probable enough"
                : null;
        return new FeatureVerdict(probabilities, reason is null ? top : null, reason);
    }
}
