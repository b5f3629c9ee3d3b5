using System.Collections.Immutable;
using EcgScope.Inference.Explanations;

namespace EcgScope.Reports.Charts;

/// <summary>What an <see cref="EcgPaperChart"/> draws over the trace; every overlay is optional.</summary>
public sealed record EcgChartOverlays
{
    /// <summary>R-peaks as sample indices into the record, marked above the trace of every row.</summary>
    public ImmutableArray<int> RPeakSampleIndices { get; init; } = [];

    /// <summary>A verdict's relevance: each bin shaded with opacity proportional to its score, the relevant stretches outlined.</summary>
    public Relevance? Relevance { get; init; }

    /// <summary>Spans of the record judged too noisy to read, shaded across every row.</summary>
    public ImmutableArray<SecondsRange> NoisySpans { get; init; } = [];
}

/// <summary>A span of a recording.</summary>
/// <param name="StartSeconds">Start, in seconds from the record's start.</param>
/// <param name="EndSeconds">End, in seconds from the record's start.</param>
public readonly record struct SecondsRange(double StartSeconds, double EndSeconds);
