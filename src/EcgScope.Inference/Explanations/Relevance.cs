using System.Collections.Immutable;

namespace EcgScope.Inference.Explanations;

/// <summary>How a relevance curve was found.</summary>
public enum RelevanceMethod
{
    /// <summary>Class activation map of the last convolution (equal to Grad-CAM for a network that pools globally into one linear layer).</summary>
    ClassActivation,

    /// <summary>The drop in the verdict's probability when a stretch of the trace is blanked out.</summary>
    Occlusion,
}

/// <summary>
/// How much each stretch of the recording drove a verdict: one score per bin of <see cref="BinSeconds"/> from the
/// record's start, scaled so that the most relevant bin scores 1 (0 where nothing counted for the verdict).
/// </summary>
public sealed record Relevance
{
    /// <summary>The method behind the scores.</summary>
    public required RelevanceMethod Method { get; init; }

    /// <summary>The class the scores explain.</summary>
    public required string ClassName { get; init; }

    /// <summary>The width of each bin, in seconds.</summary>
    public required double BinSeconds { get; init; }

    /// <summary>One score per bin, 0 to 1.</summary>
    public required ImmutableArray<double> Scores { get; init; }

    /// <summary>The stretches scoring at least half the maximum, merged where adjacent, most relevant first.</summary>
    public ImmutableArray<RelevantStretch> Stretches => FindStretches();

    /// <summary>Scales <paramref name="raw"/> (negative values count as zero) so its maximum is 1.</summary>
    public static ImmutableArray<double> Normalize(ReadOnlySpan<double> raw)
    {
        var max = 0.0;
        foreach (var value in raw)
        {
            max = Math.Max(max, value);
        }

        var scores = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            scores[i] = max > 0 && double.IsFinite(raw[i]) ? Math.Max(0, raw[i]) / max : 0;
        }

        return [.. scores];
    }

    private ImmutableArray<RelevantStretch> FindStretches()
    {
        const double Threshold = 0.5;
        var stretches = new List<RelevantStretch>();
        var start = -1;
        var peak = 0.0;
        for (var i = 0; i <= Scores.Length; i++)
        {
            var inside = i < Scores.Length && Scores[i] >= Threshold;
            if (inside)
            {
                start = start < 0 ? i : start;
                peak = Math.Max(peak, Scores[i]);
            }
            else if (start >= 0)
            {
                stretches.Add(new RelevantStretch(start * BinSeconds, i * BinSeconds, peak));
                start = -1;
                peak = 0;
            }
        }

        return [.. stretches.OrderByDescending(stretch => stretch.PeakScore)];
    }
}

/// <summary>A stretch of the recording that drove a verdict.</summary>
/// <param name="StartSeconds">Start, in seconds from the record's start.</param>
/// <param name="EndSeconds">End, in seconds from the record's start.</param>
/// <param name="PeakScore">The highest relevance in it, 0 to 1.</param>
public sealed record RelevantStretch(double StartSeconds, double EndSeconds, double PeakScore);
