using System.Collections.Immutable;

namespace EcgScope.Inference.Models;

/// <summary>
/// A deployment's choice among the models of a folder: which to offer, and a verdict threshold of its own where the
/// card's (chosen on validation data) does not suit it, for instance a screening service that would rather say
/// "inconclusive" more often.
/// </summary>
public sealed record ModelSelection
{
    /// <summary>Every model, as its card says.</summary>
    public static ModelSelection All { get; } = new();

    /// <summary>The models to offer, by name; empty: all.</summary>
    public ImmutableArray<string> Enabled { get; init; } = [];

    /// <summary>Per model, the lowest calibrated probability of a verdict (0 to 1), replacing the card's.</summary>
    public ImmutableDictionary<string, double> MinimumProbability { get; init; } = ImmutableDictionary<string, double>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cards offered, with their thresholds replaced where asked.</summary>
    /// <exception cref="ArgumentException">A name in the selection is not among <paramref name="cards"/>.</exception>
    public IEnumerable<ModelCard> Apply(IEnumerable<ModelCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var all = cards.ToList();
        var known = all.Select(card => card.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (Enabled.Concat(MinimumProbability.Keys).FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new ArgumentException($"No model called '{unknown}'; the models are {string.Join(", ", known.Order(StringComparer.Ordinal))}.", nameof(cards));
        }

        return all
            .Where(card => Enabled.IsEmpty || Enabled.Contains(card.Name, StringComparer.OrdinalIgnoreCase))
            .Select(card => MinimumProbability.TryGetValue(card.Name, out var threshold)
                ? card with { Decision = card.Decision with { MinimumProbability = threshold } }
                : card);
    }
}
