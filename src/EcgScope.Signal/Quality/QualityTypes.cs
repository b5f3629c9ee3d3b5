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

/// <summary>
/// Overall verdict for a lead: Zhao &amp; Zhang 2018's Excellent / Barely acceptable / Unacceptable, made worse by
/// Orphanidou 2015's rules and EcgScope's recording-defect checks (see <see cref="SignalQuality"/>).
/// </summary>
public enum QualityVerdict
{
    /// <summary>Usable without reservation.</summary>
    Excellent,

    /// <summary>Zhao &amp; Zhang's "barely acceptable": usable, with the reasons worth a look.</summary>
    Acceptable,

    /// <summary>Not usable for measurement.</summary>
    Unacceptable,
}

/// <summary>Which rule set judged a quality index: the verdict is the worst of the three.</summary>
public enum QualityRuleSet
{
    /// <summary>Zhao &amp; Zhang 2018's simple heuristic fusion of pSQI, kSQI and basSQI.</summary>
    Zhao2018,

    /// <summary>Orphanidou et al. 2015: physiological feasibility and template matching; either failing is unacceptable.</summary>
    Orphanidou2015,

    /// <summary>EcgScope's recording-defect checks (length, missing samples, flat line, clipping): unqualified is
    /// unacceptable, suspicious is acceptable.</summary>
    RecordingDefects,
}

/// <summary>One signal-quality index of a lead.</summary>
/// <param name="Name">Short name, e.g. "kSQI".</param>
/// <param name="Value">The measured value (unit in <paramref name="Explanation"/>); NaN when undefined, e.g. for a flat lead.</param>
/// <param name="Level">The judgement.</param>
/// <param name="Explanation">What was measured and against which thresholds, in words.</param>
/// <param name="RuleSet">The rule set the index belongs to.</param>
public sealed record QualityIndex(string Name, double Value, QualityLevel Level, string Explanation, QualityRuleSet RuleSet);

/// <summary>Signal quality of one lead.</summary>
/// <param name="LeadName">The lead.</param>
/// <param name="Verdict">The worst of the three rule sets' verdicts (there is no numeric score: the rules are not a
/// scale).</param>
/// <param name="Indices">Every index computed.</param>
public sealed record LeadQuality(string LeadName, QualityVerdict Verdict, ImmutableArray<QualityIndex> Indices)
{
    /// <summary>The explanations of the indices that are not optimal: why the lead is not excellent.</summary>
    public IEnumerable<string> Reasons => Indices.Where(index => index.Level != QualityLevel.Optimal).Select(index => index.Explanation);
}
