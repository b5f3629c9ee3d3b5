using System.Collections.Immutable;

namespace EcgScope.Signal.Quality;

/// <summary>How one quality index judges a lead (the three classes of Zhao &amp; Zhang 2018).</summary>
public enum QualityLevel
{
    /// <summary>Within the range of clean ECG.</summary>
    Optimal,

    /// <summary>Borderline.</summary>
    Suspicious,

    /// <summary>Outside the range of usable ECG.</summary>
    Unqualified,
}

/// <summary>Overall verdict for a lead (Zhao &amp; Zhang 2018's Excellent / Barely acceptable / Unacceptable).</summary>
public enum QualityVerdict
{
    /// <summary>Every index optimal.</summary>
    Excellent,

    /// <summary>No index unqualified, at least one suspicious.</summary>
    Acceptable,

    /// <summary>At least one index unqualified.</summary>
    Unacceptable,
}

/// <summary>One signal-quality index of a lead.</summary>
/// <param name="Name">Short name, e.g. "kSQI".</param>
/// <param name="Value">The measured value (unit in <paramref name="Explanation"/>); NaN when undefined, e.g. for a flat lead.</param>
/// <param name="Level">The judgement.</param>
/// <param name="Explanation">What was measured and against which thresholds, in words.</param>
public sealed record QualityIndex(string Name, double Value, QualityLevel Level, string Explanation);

/// <summary>Signal quality of one lead.</summary>
/// <param name="LeadName">The lead.</param>
/// <param name="Score">0..1: mean over the indices of 1 (optimal), 0.5 (suspicious) or 0 (unqualified).</param>
/// <param name="Verdict">Decided by the worst index.</param>
/// <param name="Indices">Every index computed.</param>
public sealed record LeadQuality(string LeadName, double Score, QualityVerdict Verdict, ImmutableArray<QualityIndex> Indices)
{
    /// <summary>The explanations of the indices that are not optimal: why the lead is not excellent.</summary>
    public IEnumerable<string> Reasons => Indices.Where(index => index.Level != QualityLevel.Optimal).Select(index => index.Explanation);
}
