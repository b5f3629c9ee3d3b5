using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Hrv;

/// <summary>How many beats <see cref="RrArtifactCorrection"/> changed, by the class it gave them.</summary>
/// <param name="Ectopic">Premature beats followed by a compensatory pause, moved to the midpoint of their neighbours.</param>
/// <param name="Missed">Intervals holding an undetected beat: a beat was inserted at their midpoint.</param>
/// <param name="Extra">False detections splitting one interval in two: the beat was removed.</param>
/// <param name="LongShort">Intervals too long or short for their neighbourhood without being any of the above: the
/// beat ending them was moved to the midpoint of its neighbours.</param>
public sealed record RrCorrectionCounts(int Ectopic, int Missed, int Extra, int LongShort)
{
    /// <summary>No correction.</summary>
    public static RrCorrectionCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Beats changed in all.</summary>
    public int Total => Ectopic + Missed + Extra + LongShort;

    internal RrCorrectionCounts Plus(RrCorrectionCounts other) =>
        new(Ectopic + other.Ectopic, Missed + other.Missed, Extra + other.Extra, LongShort + other.LongShort);
}

/// <summary>R-peaks after artefact correction.</summary>
/// <param name="RPeaks">The corrected beat positions (sample indices, strictly increasing): detected beats with extra
/// ones removed, missed ones inserted and ectopic ones moved. Inserted and moved positions are interpolated, not
/// detected.</param>
/// <param name="Corrections">How many beats were changed, by class: ectopic and long/short beats as the first pass
/// classified them, missed and extra beats over every pass.</param>
public sealed record CorrectedRPeaks(ImmutableArray<int> RPeaks, RrCorrectionCounts Corrections);

/// <summary>
/// Artefact and ectopic-beat correction of an RR series by the beat classification of J. A. Lipponen &amp;
/// M. P. Tarvainen, "A robust algorithm for heart rate variability time series artefact correction using novel beat
/// classification", J. Med. Eng. Technol. 43(3):173–181, 2019 (the method of Kubios HRV), with the constants and
/// iteration of NeuroKit2's <c>signal_fixpeaks(method="kubios")</c>: successive RR differences (dRR) and deviations
/// from an 11-beat running median (mRR, negative ones doubled) are each scaled by a time-varying threshold of
/// α = 5.2 quartile deviations of their magnitude over a 91-beat window; a beat with |dRR| &gt; 1 is ectopic when
/// its neighbour lies in the ectopic region of subspace S1 (c1 = 0.13, c2 = 0.17), else long or short when
/// |mRR| &gt; 3 or subspace S2 says so, which a missed beat (half the interval near the median) or an extra one (two
/// intervals summing to the median) explain more precisely. Correction repeats while the artefact count falls.
/// </summary>
public static class RrArtifactCorrection
{
    /// <summary>Scale of the quartile-deviation thresholds (α).</summary>
    public const double Alpha = 5.2;

    /// <summary>Slope of the ectopic region's border in subspace S1.</summary>
    public const double C1 = 0.13;

    /// <summary>Offset of the ectopic region's border in subspace S1.</summary>
    public const double C2 = 0.17;

    /// <summary>Beats (centred) over which the thresholds' quartiles are taken.</summary>
    public const int ThresholdWindow = 91;

    /// <summary>Beats (centred) of the running median that mRR deviates from.</summary>
    public const int MedianWindow = 11;

    /// <summary>Fewest R-peaks corrected; with fewer the peaks are returned as they are.</summary>
    public const int MinimumPeaks = 4;

    /// <summary>Corrects <paramref name="rPeaks"/> (sample indices, strictly increasing).</summary>
    /// <exception cref="ArgumentException">The peaks are not strictly increasing or are negative.</exception>
    public static CorrectedRPeaks Correct(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate)
    {
        RPeaks.RequireIncreasing(rPeaks);
        var peaks = rPeaks.ToArray();
        var total = RrCorrectionCounts.None;
        if (peaks.Length < MinimumPeaks)
        {
            return new CorrectedRPeaks([.. peaks], total);
        }

        var artefacts = Find(peaks, samplingRate);
        var firstPass = true;
        while (artefacts.Count > 0)
        {
            peaks = Apply(artefacts, peaks);

            // Later passes mostly re-place beats already moved; only the beats they add or remove are new.
            total = total.Plus(firstPass ? artefacts.Counts : artefacts.Counts with { Ectopic = 0, LongShort = 0 });
            firstPass = false;
            var next = peaks.Length < MinimumPeaks ? Artefacts.Empty : Find(peaks, samplingRate);
            if (next.Count >= artefacts.Count)
            {
                break;
            }

            artefacts = next;
        }

        return new CorrectedRPeaks([.. peaks], total);
    }

    private sealed record Artefacts(List<int> Ectopic, List<int> Missed, List<int> Extra, List<int> LongShort)
    {
        public static Artefacts Empty => new([], [], [], []);

        public int Count => Ectopic.Count + Missed.Count + Extra.Count + LongShort.Count;

        public RrCorrectionCounts Counts => new(Ectopic.Count, Missed.Count, Extra.Count, LongShort.Count);
    }

    /// <summary>Classifies every interval; index j names the interval ending at peak j.</summary>
    private static Artefacts Find(int[] peaks, SamplingRate samplingRate)
    {
        var n = peaks.Length;
        var rr = new double[n];
        for (var i = 1; i < n; i++)
        {
            rr[i] = (peaks[i] - peaks[i - 1]) / samplingRate.Hertz;
        }

        rr[0] = Statistics.Mean(rr.AsSpan(1)); // the first beat has no interval: give it a typical one

        var drrs = new double[n];
        for (var i = 1; i < n; i++)
        {
            drrs[i] = rr[i] - rr[i - 1];
        }

        drrs[0] = Statistics.Mean(drrs.AsSpan(1));
        Divide(drrs, Threshold(drrs));

        var s12 = new double[n];
        var s22 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var (previous, next, afterNext) = (drrs[Reflect(i - 1, n)], drrs[Reflect(i + 1, n)], drrs[Reflect(i + 2, n)]);
            s12[i] = drrs[i] > 0 ? Math.Max(previous, next) : drrs[i] < 0 ? Math.Min(previous, next) : 0;
            s22[i] = drrs[i] >= 0 ? Math.Min(next, afterNext) : drrs[i] < 0 ? Math.Max(next, afterNext) : 0;
        }

        var medrr = RunningMedian(rr, MedianWindow);
        var mrrs = new double[n];
        for (var i = 0; i < n; i++)
        {
            var deviation = rr[i] - medrr[i];
            mrrs[i] = deviation < 0 ? 2 * deviation : deviation;
        }

        var th2 = Threshold(mrrs);
        Divide(mrrs, th2);

        var found = Artefacts.Empty;
        var index = 0;
        while (index < n - 2)
        {
            if (Math.Abs(drrs[index]) <= 1)
            {
                index++;
                continue;
            }

            var ectopic = (drrs[index] > 1 && s12[index] < (-C1 * drrs[index]) - C2) || (drrs[index] < -1 && s12[index] > (-C1 * drrs[index]) + C2);
            if (ectopic)
            {
                found.Ectopic.Add(index);
                index++;
                continue;
            }

            // The next interval is weighed too when its dRR is larger than this one's (the paper's flow, as NeuroKit2).
            var candidates = Math.Abs(drrs[index + 1]) < Math.Abs(drrs[index + 2]) ? 2 : 1;
            for (var j = index; j < index + candidates; j++)
            {
                var isLong = drrs[j] > 1 && s22[j] < -1;
                var isShort = drrs[j] < -1 && s22[j] > 1;
                if (!(isLong || isShort || Math.Abs(mrrs[j]) > 3))
                {
                    continue;
                }

                if (isShort && Math.Abs(rr[j] + rr[j + 1] - medrr[j]) < th2[j])
                {
                    found.Extra.Add(j);
                    break; // departure from NeuroKit2: the next interval is explained by this beat, not a second artefact
                }

                if (isLong && Math.Abs((rr[j] / 2) - medrr[j]) < th2[j])
                {
                    found.Missed.Add(j);
                    break;
                }

                found.LongShort.Add(j);
            }

            index += candidates;
        }

        return found;
    }

    /// <summary>Removes extra beats, inserts missed ones, then moves ectopic and long/short ones (NeuroKit2's order).</summary>
    private static int[] Apply(Artefacts artefacts, int[] peaks)
    {
        var extra = new HashSet<int>(artefacts.Extra);
        var afterExtra = peaks.Where((_, i) => !extra.Contains(i)).ToArray();
        var missed = Shift(artefacts.Missed, artefacts.Extra, -1);
        var ectopic = Shift(Shift(artefacts.Ectopic, artefacts.Extra, -1), missed, 1);
        var longShort = Shift(Shift(artefacts.LongShort, artefacts.Extra, -1), missed, 1);

        var inserted = new List<int>(afterExtra.Length + missed.Count);
        var insertAt = missed.Where(i => i > 1 && i < afterExtra.Length).ToHashSet();
        for (var i = 0; i < afterExtra.Length; i++)
        {
            if (insertAt.Contains(i))
            {
                inserted.Add(Midpoint(afterExtra[i - 1], afterExtra[i]));
            }

            inserted.Add(afterExtra[i]);
        }

        var corrected = inserted.ToArray();
        corrected = MoveToMidpoints(corrected, ectopic);
        corrected = MoveToMidpoints(corrected, longShort);
        return [.. corrected.Distinct()]; // a moved beat can meet a neighbour's position when intervals are a sample long
    }

    private static int[] MoveToMidpoints(int[] peaks, IReadOnlyCollection<int> indices)
    {
        var moved = indices.Where(i => i > 1 && i < peaks.Length - 1).ToArray();
        if (moved.Length == 0)
        {
            return peaks;
        }

        var midpoints = moved.Select(i => Midpoint(peaks[i - 1], peaks[i + 1]));
        var movedSet = moved.ToHashSet();
        var result = peaks.Where((_, i) => !movedSet.Contains(i)).Concat(midpoints).ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>For each index in <paramref name="sources"/>, shifts the later <paramref name="indices"/> by <paramref name="step"/>.</summary>
    private static List<int> Shift(List<int> indices, List<int> sources, int step)
    {
        if (indices.Count == 0 || sources.Count == 0)
        {
            return indices;
        }

        var shifted = indices.ToArray();
        foreach (var source in sources)
        {
            for (var k = 0; k < shifted.Length; k++)
            {
                shifted[k] += shifted[k] > source ? step : 0;
            }
        }

        return [.. shifted.Distinct().Order()];
    }

    private static int Midpoint(int previous, int next) => previous + ((next - previous) / 2);

    private static int Reflect(int index, int length) =>
        index < 0 ? -index : index >= length ? (2 * (length - 1)) - index : index;

    /// <summary>Divides element-wise as IEEE does: x/0 is ±∞ (an artefact), 0/0 is NaN (neither class).</summary>
    private static void Divide(double[] values, double[] thresholds)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= thresholds[i];
        }
    }

    /// <summary>α times the quartile deviation, (Q3 − Q1)/2, of |values| over a centred <see cref="ThresholdWindow"/>.</summary>
    private static double[] Threshold(double[] values)
    {
        var magnitudes = values.Select(Math.Abs).ToArray();
        return OverCentredWindows(magnitudes, ThresholdWindow, sorted =>
            Alpha * (Statistics.QuantileOfSorted(sorted, 0.75) - Statistics.QuantileOfSorted(sorted, 0.25)) / 2);
    }

    private static double[] RunningMedian(double[] values, int width) =>
        OverCentredWindows(values, width, sorted => Statistics.QuantileOfSorted(sorted, 0.5));

    /// <summary>
    /// <paramref name="statistic"/> of the sorted values in a window of <paramref name="width"/> centred on each
    /// index, cut at the ends (pandas' <c>rolling(width, center=True, min_periods=1)</c>).
    /// </summary>
    private static double[] OverCentredWindows(double[] values, int width, Func<Span<double>, double> statistic)
    {
        var results = new double[values.Length];
        var window = new double[width];
        for (var i = 0; i < values.Length; i++)
        {
            var start = Math.Max(0, i - (width / 2));
            var end = Math.Min(values.Length, i + (width / 2) + 1);
            var span = window.AsSpan(0, end - start);
            values.AsSpan(start, end - start).CopyTo(span);
            span.Sort();
            results[i] = statistic(span);
        }

        return results;
    }
}
