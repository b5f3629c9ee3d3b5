using System.Collections.Immutable;
using EcgScope.Signal.Hrv;

namespace EcgScope.Signal.Features;

/// <summary>
/// RR-interval statistics and the atrial-fibrillation evidence measured on them, from every detected beat (no
/// artefact correction: the irregularity it would remove is what AF is). Undefined measures are NaN.
/// </summary>
internal static class RrIrregularity
{
    /// <summary>Tolerance of the sample entropy, as a share of the RR standard deviation (Richman &amp; Moorman 2000).</summary>
    public const double EntropyTolerance = 0.2;

    /// <summary>Intervals per window of the windowed measures (a record may hold AF or a fast run in part of it only).</summary>
    public const int WindowIntervals = 10;

    /// <summary>Cell size of the ΔRR Lorenz plot, in ms (Sarkar, Ritscher &amp; Mehra 2008).</summary>
    public const double LorenzCellMs = 40;

    /// <summary>The measures in output order.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        "beatCount", "heartRateBpm", "rrMeanMs", "rrMedianMs", "rrSdMs", "rrMinMs", "rrMaxMs", "rrCv", "rrMinMaxRatio",
        "rrIqrRelative", "rmssdMs", "rmssdRelative", "pnn50", "successiveDifferenceMedianRelative", "sampleEntropy", "cosen",
        "turningPointRatio", "sd1Ms", "sd2Ms", "sd1Sd2Ratio", "lorenzOccupiedCellShare", "lorenzOriginShare",
        "prematureBeatShare", "longIntervalShare", "nnRejectedShare", "rrCvWindowMin", "rrCvWindowMax",
        "heartRateWindowMinBpm", "heartRateWindowMaxBpm",
    ];

    /// <summary>Writes the measures of <paramref name="rPeaks"/> (sample indices, increasing) into <paramref name="output"/>.</summary>
    public static void Measure(ReadOnlySpan<int> rPeaks, double samplingRateHz, Span<double> output)
    {
        var features = new FeatureWriter(Names.AsSpan(), output);
        features.Write("beatCount", rPeaks.Length);
        if (rPeaks.Length < 3)
        {
            return;
        }

        var rr = new double[rPeaks.Length - 1];
        for (var i = 0; i < rr.Length; i++)
        {
            rr[i] = (rPeaks[i + 1] - rPeaks[i]) * 1000 / samplingRateHz;
        }

        var diffs = new double[rr.Length - 1];
        for (var i = 0; i < diffs.Length; i++)
        {
            diffs[i] = rr[i + 1] - rr[i];
        }

        var sorted = rr.ToArray();
        Array.Sort(sorted);
        var mean = Statistics.Mean(rr);
        var median = Statistics.QuantileOfSorted(sorted, 0.5);
        var sd = Statistics.SampleStandardDeviation(rr);
        var rmssd = RootMeanSquare(diffs);
        features.Write("heartRateBpm", 60_000 / mean);
        features.Write("rrMeanMs", mean);
        features.Write("rrMedianMs", median);
        features.Write("rrSdMs", sd);
        features.Write("rrMinMs", sorted[0]);
        features.Write("rrMaxMs", sorted[^1]);
        features.Write("rrCv", sd / mean);
        features.Write("rrMinMaxRatio", sorted[0] / sorted[^1]);
        features.Write("rrIqrRelative", (Statistics.QuantileOfSorted(sorted, 0.75) - Statistics.QuantileOfSorted(sorted, 0.25)) / median);
        features.Write("rmssdMs", rmssd);
        features.Write("rmssdRelative", rmssd / mean);
        features.Write("pnn50", ShareAbove(diffs, 50));
        features.Write("successiveDifferenceMedianRelative", MedianAbsolute(diffs) / median);
        var sampleEntropy = SampleEntropy(rr, EntropyTolerance * sd);
        features.Write("sampleEntropy", sampleEntropy);
        features.Write("cosen", sampleEntropy + Math.Log(2 * EntropyTolerance * sd / mean)); // Lake & Moorman 2011
        features.Write("turningPointRatio", TurningPointRatio(rr));
        var sd1 = Statistics.SampleStandardDeviation(diffs) / Math.Sqrt(2);
        var sd2 = Math.Sqrt(Math.Max(0, (2 * sd * sd) - (sd1 * sd1)));
        features.Write("sd1Ms", sd1);
        features.Write("sd2Ms", sd2);
        features.Write("sd1Sd2Ratio", sd2 > 0 ? sd1 / sd2 : double.NaN);
        var (occupiedShare, originShare) = Lorenz(diffs);
        features.Write("lorenzOccupiedCellShare", occupiedShare);
        features.Write("lorenzOriginShare", originShare);
        features.Write("prematureBeatShare", PrematureShare(rr, median));
        features.Write("longIntervalShare", ShareAbove(rr, 1.5 * median));
        features.Write("nnRejectedShare", (double)NnIntervals.FromRrMilliseconds(rr).RejectedCount / rr.Length);
        var (cvMin, cvMax, meanMin, meanMax) = Windowed(rr);
        features.Write("rrCvWindowMin", cvMin);
        features.Write("rrCvWindowMax", cvMax);
        features.Write("heartRateWindowMinBpm", 60_000 / meanMax);
        features.Write("heartRateWindowMaxBpm", 60_000 / meanMin);
    }

    /// <summary>
    /// The least and greatest coefficient of variation and mean interval over windows of <see cref="WindowIntervals"/>
    /// intervals, half-overlapping (the whole series when it is shorter).
    /// </summary>
    private static (double CvMin, double CvMax, double MeanMin, double MeanMax) Windowed(ReadOnlySpan<double> rr)
    {
        var length = Math.Min(WindowIntervals, rr.Length);
        double cvMin = double.PositiveInfinity, cvMax = double.NegativeInfinity, meanMin = double.PositiveInfinity, meanMax = double.NegativeInfinity;
        for (var start = 0; start + length <= rr.Length; start += Math.Max(1, length / 2))
        {
            var window = rr.Slice(start, length);
            var mean = Statistics.Mean(window);
            var cv = Statistics.SampleStandardDeviation(window) / mean;
            (cvMin, cvMax) = (Math.Min(cvMin, cv), Math.Max(cvMax, cv));
            (meanMin, meanMax) = (Math.Min(meanMin, mean), Math.Max(meanMax, mean));
        }

        return (cvMin, cvMax, meanMin, meanMax);
    }

    /// <summary>
    /// Sample entropy −ln(A/B) with templates of 2 and 3 intervals and Chebyshev tolerance <paramref name="tolerance"/>
    /// (Richman &amp; Moorman 2000); NaN when no template of either length matches another.
    /// </summary>
    public static double SampleEntropy(ReadOnlySpan<double> series, double tolerance)
    {
        const int m = 2;
        var templates = series.Length - m;
        if (templates < 2 || !(tolerance > 0))
        {
            return double.NaN;
        }

        long matchesM = 0, matchesM1 = 0;
        for (var i = 0; i < templates; i++)
        {
            for (var j = i + 1; j < templates; j++)
            {
                if (Math.Abs(series[i] - series[j]) > tolerance || Math.Abs(series[i + 1] - series[j + 1]) > tolerance)
                {
                    continue;
                }

                matchesM++;
                matchesM1 += Math.Abs(series[i + m] - series[j + m]) <= tolerance ? 1 : 0;
            }
        }

        return matchesM == 0 || matchesM1 == 0 ? double.NaN : -Math.Log((double)matchesM1 / matchesM);
    }

    /// <summary>
    /// Local maxima and minima among the inner values over the (2n − 4)/3 a random series has (Kendall): near 1 for
    /// AF's random intervals, lower for sinus rhythm's smooth ones.
    /// </summary>
    public static double TurningPointRatio(ReadOnlySpan<double> series)
    {
        if (series.Length < 3)
        {
            return double.NaN;
        }

        var turns = 0;
        for (var i = 1; i < series.Length - 1; i++)
        {
            var rises = series[i] > series[i - 1];
            var falls = series[i] < series[i - 1];
            turns += (rises && series[i] > series[i + 1]) || (falls && series[i] < series[i + 1]) ? 1 : 0;
        }

        return turns / ((2.0 * series.Length - 4) / 3);
    }

    /// <summary>
    /// The Lorenz plot of successive differences, (ΔRRᵢ₋₁, ΔRRᵢ), on a grid of <see cref="LorenzCellMs"/> cells, as
    /// in Sarkar et al.'s AF evidence: the share of points that occupy a cell of their own (occupied cells per point:
    /// high when AF scatters them) and the share in the origin cell (|ΔRR| below half a cell in both: regular rhythm).
    /// </summary>
    private static (double OccupiedShare, double OriginShare) Lorenz(ReadOnlySpan<double> diffs)
    {
        var points = diffs.Length - 1;
        if (points < 1)
        {
            return (double.NaN, double.NaN);
        }

        var occupied = new HashSet<(int, int)>();
        var origin = 0;
        for (var i = 1; i < diffs.Length; i++)
        {
            var cell = (Cell(diffs[i - 1]), Cell(diffs[i]));
            occupied.Add(cell);
            origin += cell == (0, 0) ? 1 : 0;
        }

        return ((double)occupied.Count / points, (double)origin / points);

        static int Cell(double differenceMs) => (int)Math.Floor((differenceMs + (LorenzCellMs / 2)) / LorenzCellMs);
    }

    /// <summary>Share of intervals that are short (below 85 % of the median) and followed by a long one (above 110 %): premature beats.</summary>
    private static double PrematureShare(ReadOnlySpan<double> rr, double median)
    {
        var premature = 0;
        for (var i = 0; i < rr.Length - 1; i++)
        {
            premature += rr[i] < 0.85 * median && rr[i + 1] > 1.1 * median ? 1 : 0;
        }

        return (double)premature / (rr.Length - 1);
    }

    private static double ShareAbove(ReadOnlySpan<double> values, double threshold)
    {
        var count = 0;
        foreach (var value in values)
        {
            count += Math.Abs(value) > threshold ? 1 : 0;
        }

        return (double)count / values.Length;
    }

    private static double RootMeanSquare(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value * value;
        }

        return Math.Sqrt(sum / values.Length);
    }

    private static double MedianAbsolute(ReadOnlySpan<double> values)
    {
        var absolute = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            absolute[i] = Math.Abs(values[i]);
        }

        return Statistics.Median(absolute);
    }
}
