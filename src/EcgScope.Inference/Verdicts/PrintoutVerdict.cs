using System.Collections.Immutable;

namespace EcgScope.Inference.Verdicts;

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
