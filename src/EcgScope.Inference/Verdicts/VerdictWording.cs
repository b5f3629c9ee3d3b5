using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Inference.Explanations;
using EcgScope.Inference.Models;

namespace EcgScope.Inference.Verdicts;

/// <summary>
/// The plain-language summary of a verdict. It says what the model saw and how sure it is, points at the stretch of
/// trace that drove it, and always ends by saying it is not a diagnosis.
/// </summary>
public static class VerdictWording
{
    /// <summary>The sentence every summary ends with.</summary>
    public const string NotADiagnosis =
        "This is a pattern-matching result from a signal, not a diagnosis; talk to a doctor about any concern.";

    /// <summary>The summary of a verdict.</summary>
    public static string Summary(
        ModelCard card, ImmutableArray<string> chosen, double[] probabilities, string? inconclusiveReason, Relevance? relevance, ImmutableArray<MeasureContribution> measures = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (inconclusiveReason is not null)
        {
            return $"Inconclusive: {inconclusiveReason}. {NotADiagnosis}";
        }

        if (chosen.IsEmpty)
        {
            return $"The model found none of its patterns ({string.Join(", ", card.Classes.Select(c => c.Name))}) in this recording. {NotADiagnosis}";
        }

        var parts = chosen.Select(name =>
        {
            var index = card.ClassIndex(name);
            return string.Create(CultureInfo.InvariantCulture, $"{card.Classes[index].Description} (probability {probabilities[index]:0.00})");
        });
        var where = relevance?.Stretches.FirstOrDefault() is { } stretch
            ? string.Create(CultureInfo.InvariantCulture, $" The stretch from {stretch.StartSeconds:0.#} s to {stretch.EndSeconds:0.#} s weighed most.")
            : "";
        return $"The recording resembles {string.Join("; and ", parts)}.{where}{Measures(measures)} {NotADiagnosis}";
    }

    /// <summary>What the three measures that weighed most describe, in order, each aspect with its measures' names.</summary>
    private static string Measures(ImmutableArray<MeasureContribution> measures)
    {
        if (measures.IsDefaultOrEmpty)
        {
            return "";
        }

        var aspects = measures.Take(3)
            .GroupBy(measure => measure.Aspect)
            .Select(aspect => $"{aspect.Key} ({string.Join(", ", aspect.Select(measure => measure.Name))})");
        return $" Among the measures, {string.Join(" and ", aspects)} weighed most.";
    }
}
