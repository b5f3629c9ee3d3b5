using System.Collections.Immutable;

namespace EcgScope.ML.Datasets;

/// <summary>
/// One record of a labelled dataset: its name, the file to read, and its label: a class index for a single-label
/// dataset, or one yes/no per class in <see cref="Targets"/> for a multi-label one (then <see cref="Label"/> is −1).
/// </summary>
public sealed record LabelledRecord(string Name, string Path, int Label)
{
    /// <summary>For a multi-label dataset, whether each class applies; empty for a single-label one.</summary>
    public ImmutableArray<bool> Targets { get; init; } = [];
}
