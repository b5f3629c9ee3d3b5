using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Hrv;

/// <summary>
/// The RR intervals of a recording (in milliseconds) with each marked normal-to-normal (NN) or rejected as an ectopic
/// beat or detection artefact. Rejection rules, applied in order:
/// <list type="number">
/// <item>physiological range: an interval outside [<see cref="MinPlausibleMs"/>, <see cref="MaxPlausibleMs"/>] ms
/// (200 to 30 bpm) is rejected;</item>
/// <item>the 20 % rule of Malik et al. ("Heart rate variability in relation to prognosis after myocardial
/// infarction", J. Electrocardiol. 1989), applied against the median of the up-to-<see cref="MedianWindow"/>
/// surrounding plausible intervals instead of only the previous one, so that one premature beat does not also
/// condemn the normal interval after it: an interval more than 20 % away from that local median is rejected.</item>
/// </list>
/// Successive differences (RMSSD, pNN50, Poincaré) only use pairs of adjacent intervals that are both NN.
/// </summary>
public sealed record NnIntervals
{
    /// <summary>Shortest plausible RR interval, in ms (200 bpm).</summary>
    public const double MinPlausibleMs = 300;

    /// <summary>Longest plausible RR interval, in ms (30 bpm).</summary>
    public const double MaxPlausibleMs = 2000;

    /// <summary>Largest relative deviation from the local median accepted (Malik's 20 %).</summary>
    public const double MaxRelativeDeviation = 0.2;

    /// <summary>Number of intervals (centred, the interval itself included) whose median is the local reference.</summary>
    public const int MedianWindow = 11;

    private NnIntervals(ImmutableArray<double> intervalsMs, ImmutableArray<double> endTimesSeconds, ImmutableArray<bool> isNormal)
    {
        IntervalsMs = intervalsMs;
        EndTimesSeconds = endTimesSeconds;
        IsNormal = isNormal;
        NormalCount = isNormal.Count(normal => normal);
    }

    /// <summary>Every RR interval, in milliseconds, in order.</summary>
    public ImmutableArray<double> IntervalsMs { get; }

    /// <summary>Time of the beat that ends each interval, in seconds from the recording's start.</summary>
    public ImmutableArray<double> EndTimesSeconds { get; }

    /// <summary>Whether each interval is kept as normal-to-normal.</summary>
    public ImmutableArray<bool> IsNormal { get; }

    /// <summary>Number of NN intervals kept.</summary>
    public int NormalCount { get; }

    /// <summary>Number of intervals rejected.</summary>
    public int RejectedCount => IntervalsMs.Length - NormalCount;

    /// <summary>The NN intervals in ms (rejected ones left out).</summary>
    public double[] NormalIntervalsMs() => [.. IntervalsMs.Where((_, i) => IsNormal[i])];

    /// <summary>Time span covered by the NN intervals, in seconds (end of the last minus start of the first).</summary>
    public double NormalSpanSeconds()
    {
        var first = IsNormal.IndexOf(true);
        var last = IsNormal.LastIndexOf(true);
        return first < 0 ? 0 : EndTimesSeconds[last] - (EndTimesSeconds[first] - (IntervalsMs[first] / 1000));
    }

    /// <summary>
    /// Successive pairs (RRₙ, RRₙ₊₁) in ms where both intervals are NN and adjacent: the input of RMSSD, SDSD, pNNx
    /// and the Poincaré plot.
    /// </summary>
    public IEnumerable<(double Current, double Next)> SuccessivePairs()
    {
        for (var i = 0; i + 1 < IntervalsMs.Length; i++)
        {
            if (IsNormal[i] && IsNormal[i + 1])
            {
                yield return (IntervalsMs[i], IntervalsMs[i + 1]);
            }
        }
    }

    /// <summary>Intervals between consecutive R-peaks (sample indices, strictly increasing).</summary>
    /// <exception cref="ArgumentException">The peaks are not strictly increasing or are negative.</exception>
    public static NnIntervals FromRPeaks(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate)
    {
        RPeaks.RequireIncreasing(rPeaks);
        var count = Math.Max(0, rPeaks.Length - 1);
        var intervals = new double[count];
        var endTimes = new double[count];
        for (var i = 0; i < count; i++)
        {
            intervals[i] = (rPeaks[i + 1] - rPeaks[i]) * 1000 / samplingRate.Hertz;
            endTimes[i] = samplingRate.SecondsAt(rPeaks[i + 1]);
        }

        return Classify(intervals, endTimes);
    }

    /// <summary>Intervals given directly in ms (finite, positive); the first beat is taken to be at time 0.</summary>
    public static NnIntervals FromRrMilliseconds(ReadOnlySpan<double> intervalsMs)
    {
        var endTimes = new double[intervalsMs.Length];
        var time = 0.0;
        for (var i = 0; i < intervalsMs.Length; i++)
        {
            if (!double.IsFinite(intervalsMs[i]) || intervalsMs[i] <= 0)
            {
                throw new ArgumentException($"RR interval {i} is {intervalsMs[i]} ms; intervals must be finite and positive.", nameof(intervalsMs));
            }

            time += intervalsMs[i] / 1000;
            endTimes[i] = time;
        }

        return Classify(intervalsMs.ToArray(), endTimes);
    }

    private static NnIntervals Classify(double[] intervals, double[] endTimes)
    {
        var plausible = intervals.Select(rr => rr is >= MinPlausibleMs and <= MaxPlausibleMs).ToArray();
        var isNormal = new bool[intervals.Length];
        var neighbourhood = new List<double>(MedianWindow);
        for (var i = 0; i < intervals.Length; i++)
        {
            if (!plausible[i])
            {
                continue;
            }

            neighbourhood.Clear();
            for (var j = Math.Max(0, i - (MedianWindow / 2)); j <= Math.Min(intervals.Length - 1, i + (MedianWindow / 2)); j++)
            {
                if (plausible[j])
                {
                    neighbourhood.Add(intervals[j]);
                }
            }

            var median = Statistics.Median(neighbourhood.ToArray());
            isNormal[i] = Math.Abs(intervals[i] - median) <= MaxRelativeDeviation * median;
        }

        return new NnIntervals([.. intervals], [.. endTimes], [.. isNormal]);
    }
}
