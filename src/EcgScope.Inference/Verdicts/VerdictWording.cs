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

    /// <summary>
    /// What the measures that spoke most for the chosen pattern describe, and those that spoke most against it, each
    /// aspect with its measures' names (of the measures given, the largest Shapley values first).
    /// </summary>
    private static string Measures(ImmutableArray<MeasureContribution> measures)
    {
        if (measures.IsDefaultOrEmpty)
        {
            return "";
        }

        var forIt = Aspects(measures.Where(measure => measure.Contribution > 0));
        var againstIt = Aspects(measures.Where(measure => measure.Contribution < 0));
        return (forIt, againstIt) switch
        {
            ({ } both, { } against) => $" Among the measures, {both} spoke most for it, {against} most against it.",
            ({ } only, null) => $" Among the measures, {only} spoke most for it.",
            (null, { } only) => $" Among the measures, {only} spoke most against it.",
            _ => "",
        };
    }

    /// <summary>The aspects of up to three measures, in order, each with its measures' names; null for none.</summary>
    private static string? Aspects(IEnumerable<MeasureContribution> measures)
    {
        var aspects = measures.Take(3)
            .GroupBy(measure => measure.Aspect)
            .Select(aspect => $"{aspect.Key} ({string.Join(", ", aspect.Select(measure => measure.Name))})")
            .ToList();
        return aspects.Count == 0 ? null : string.Join(" and ", aspects);
    }
}
