using System.Collections.Immutable;

namespace EcgScope.Inference.Verdicts;

/// <summary>One class's calibrated probability.</summary>
/// <param name="ClassName">The class, as the model card names it.</param>
/// <param name="Probability">Calibrated probability, 0 to 1.</param>
public sealed record ClassProbability(string ClassName, double Probability);

/// <summary>
/// What one model makes of a record: the class it picks (or the classes it flags, for a multi-label model), or
/// "inconclusive" with the reason, the calibrated probabilities, and where in the trace the verdict came from.
/// </summary>
public sealed record ModelVerdict
{
    /// <summary>The model's registry name.</summary>
    public required string Model { get; init; }

    /// <summary>The classes the model picks: one for a single-label model, any number for a multi-label one; empty when inconclusive.</summary>
    public required ImmutableArray<string> Classes { get; init; }

    /// <summary>Whether the model gives a verdict; false means "inconclusive".</summary>
    public bool IsConclusive => InconclusiveReason is null;

    /// <summary>Why there is no verdict, in plain words; null when there is one.</summary>
    public string? InconclusiveReason { get; init; }

    /// <summary>Every class's calibrated probability, in the card's order.</summary>
    public required ImmutableArray<ClassProbability> Probabilities { get; init; }

    /// <summary>The lead the model read (the first, for a multi-lead model).</summary>
    public required string LeadName { get; init; }

    /// <summary>Where the verdict came from, by each method the model allows (class activation map first where there is one); empty unless asked for.</summary>
    public ImmutableArray<Explanations.Relevance> Explanations { get; init; } = [];

    /// <summary>
    /// The measures that moved the verdict most, largest first, when the model has a feature companion and an
    /// explanation was asked for; empty otherwise.
    /// </summary>
    public ImmutableArray<MeasureContribution> Measures { get; init; } = [];

    /// <summary>One or two sentences for people: what the model saw, never a diagnosis.</summary>
    public required string Summary { get; init; }
}

/// <summary>A measure of the recording and how much it moved a verdict.</summary>
/// <param name="Name">The feature's name (camelCase, the unit in the name), e.g. <c>rrCv</c>.</param>
/// <param name="Aspect">What it describes, in plain words, e.g. "the intervals between beats".</param>
/// <param name="Value">Its value on this recording; null when it could not be measured.</param>
/// <param name="Contribution">
/// Its Shapley value in the verdict's probability: how much it raised (positive) or lowered the chosen class's
/// probability against the median recording the trees were trained on.
/// </param>
public sealed record MeasureContribution(string Name, string Aspect, double? Value, double Contribution);
