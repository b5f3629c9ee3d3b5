using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Beats;

namespace EcgScope.Signal.Features;

/// <summary>
/// The shape of the beats on the band-passed lead: the median beat (amplitude, QRS width), how alike the beats are
/// (ectopy and noise), and P-wave evidence in the 300–100 ms before R: a P wave is locked to the R wave, so it
/// survives the median and each beat's P window correlates with the median's; AF's fibrillatory waves are not
/// locked and average out. Undefined measures (fewer than <see cref="MinimumBeats"/> whole beats) are NaN.
/// </summary>
internal static class BeatMorphology
{
    /// <summary>Fewest whole beats for a median beat.</summary>
    public const int MinimumBeats = 3;

    /// <summary>Correlation with the median beat under which a beat counts as differently shaped (ectopic or noisy).</summary>
    public const double LowCorrelation = 0.8;

    /// <summary>The window cut around each R peak: long enough before it to hold the P wave.</summary>
    public static BeatWindow Window { get; } = new(0.35, 0.45);

    private const double PWindowStartSeconds = 0.3, PWindowEndSeconds = 0.1, QrsSearchSeconds = 0.1;
    private const double StPointSeconds = 0.08, TWindowStartSeconds = 0.15, TWindowEndSeconds = 0.4;

    /// <summary>The measures in output order.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        "rAmplitudeMv", "beatPeakToPeakMv", "qrsWidthMs", "beatCorrelationMean", "beatCorrelationSd",
        "lowCorrelationBeatShare", "beatResidualRelative", "pWaveAmplitudeRatio", "pWaveCorrelationMean", "pWaveSnr",
        "qrsPositiveShare", "stLevelRelative", "tWaveRelative", "prIntervalMs", "prematureAberrantBeatShare",
    ];

    /// <summary>Writes the measures of <paramref name="cleaned"/> (band-passed, finite) around <paramref name="rPeaks"/>.</summary>
    public static void Measure(ReadOnlySpan<double> cleaned, SamplingRate rate, ReadOnlySpan<int> rPeaks, Span<double> output)
    {
        var features = new FeatureWriter(Names.AsSpan(), output);
        var before = Window.SamplesBefore(rate);
        var after = Window.SamplesAfter(rate);
        var peaks = BeatSegmenter.FittingPeaks(rPeaks, cleaned.Length, before, after);
        if (peaks.Length < MinimumBeats)
        {
            return;
        }

        var template = BeatSegmenter.MedianTemplate(cleaned, peaks, before, after);
        var correlations = BeatSegmenter.CorrelationsWithTemplate(cleaned, peaks, before, template);
        var rAmplitude = Math.Abs(template[before]);
        double Relative(double value) => rAmplitude > 0 ? value / rAmplitude : double.NaN; // flat beats have no R
        var (min, max) = Range(template);
        features.Write("rAmplitudeMv", rAmplitude);
        features.Write("beatPeakToPeakMv", max - min);
        var (onset, offset) = QrsExtent(template, before, rate.SamplesIn(QrsSearchSeconds));
        features.Write("qrsWidthMs", (offset - onset) * 1000 / rate.Hertz);
        features.Write("beatCorrelationMean", Statistics.Mean(correlations));
        features.Write("beatCorrelationSd", Statistics.SampleStandardDeviation(correlations));
        features.Write("lowCorrelationBeatShare", (double)correlations.Count(r => r < LowCorrelation) / correlations.Length);
        features.Write("beatResidualRelative", Relative(ResidualRms(cleaned, peaks, before, template, 0, template.Length)));

        var pStart = before - rate.SamplesIn(PWindowStartSeconds);
        var pEnd = before - rate.SamplesIn(PWindowEndSeconds);
        var pTemplate = template.AsSpan(pStart, pEnd - pStart);
        var (pMin, pMax) = Range(pTemplate);
        features.Write("pWaveAmplitudeRatio", Relative(pMax - pMin));
        features.Write("pWaveCorrelationMean", PWindowCorrelation(cleaned, peaks, before, pStart, pTemplate));
        var pResidual = ResidualRms(cleaned, peaks, before, template, pStart, pEnd);
        var pSignal = Statistics.SampleStandardDeviation(pTemplate);
        features.Write("pWaveSnr", pResidual > 0 ? pSignal / pResidual : double.NaN);

        // Levels after the QRS against its onset (the end of the PR segment), signed by the R wave's polarity, so an
        // inverted lead reads as an upright one: ST deviation and T-wave height or inversion, relative to R.
        var level = template[onset];
        var (qrsMin, qrsMax) = Range(template.AsSpan(onset, offset - onset + 1));
        features.Write("qrsPositiveShare", qrsMax - qrsMin > 0 ? (qrsMax - level) / (qrsMax - qrsMin) : double.NaN);
        var polarity = template[before] >= level ? 1 : -1;
        features.Write("stLevelRelative", Relative(polarity * (template[before + rate.SamplesIn(StPointSeconds)] - level)));
        var tWave = template.AsSpan((before + rate.SamplesIn(TWindowStartSeconds))..(before + rate.SamplesIn(TWindowEndSeconds)));
        features.Write("tWaveRelative", Relative(polarity * (Extreme(tWave, level) - level)));

        // The P wave's peak is its sample farthest from the PR level; a long PR interval is first-degree AV block.
        var pPeak = pStart + pTemplate.IndexOf(Extreme(pTemplate, level));
        features.Write("prIntervalMs", (before - pPeak) * 1000 / rate.Hertz);
        features.Write("prematureAberrantBeatShare", PrematureAberrantShare(rPeaks, peaks, correlations));
    }

    /// <summary>
    /// Share of beats that come early (the interval before them under 85 % of the median) and are shaped unlike the
    /// median beat (correlation under <see cref="LowCorrelation"/>): premature ventricular beats.
    /// </summary>
    private static double PrematureAberrantShare(ReadOnlySpan<int> rPeaks, int[] peaks, double[] correlations)
    {
        var intervals = new double[rPeaks.Length - 1];
        for (var i = 0; i < intervals.Length; i++)
        {
            intervals[i] = rPeaks[i + 1] - rPeaks[i];
        }

        var median = Statistics.Median(intervals.ToArray());
        var aberrant = 0;
        for (var k = 0; k < peaks.Length; k++)
        {
            var index = rPeaks.BinarySearch(peaks[k]);
            aberrant += index > 0 && intervals[index - 1] < 0.85 * median && correlations[k] < LowCorrelation ? 1 : 0;
        }

        return (double)aberrant / peaks.Length;
    }

    /// <summary>The value of <paramref name="values"/> farthest from <paramref name="level"/>.</summary>
    private static double Extreme(ReadOnlySpan<double> values, double level)
    {
        var extreme = level;
        foreach (var value in values)
        {
            extreme = Math.Abs(value - level) > Math.Abs(extreme - level) ? value : extreme;
        }

        return extreme;
    }

    /// <summary>
    /// The first and the last sample within ±<paramref name="search"/> of R where the median beat's slope reaches a
    /// fifth of its steepest there: the ends of the QRS complex's steep limbs.
    /// </summary>
    private static (int Onset, int Offset) QrsExtent(ReadOnlySpan<double> template, int r, int search)
    {
        var from = Math.Max(1, r - search);
        var to = Math.Min(template.Length - 1, r + search);
        var steepest = 0.0;
        for (var i = from; i <= to; i++)
        {
            steepest = Math.Max(steepest, Math.Abs(template[i] - template[i - 1]));
        }

        int first = r, last = r;
        for (var i = from; i <= to; i++)
        {
            if (Math.Abs(template[i] - template[i - 1]) >= 0.2 * steepest)
            {
                first = Math.Min(first, i - 1);
                last = Math.Max(last, i);
            }
        }

        return (first, last);
    }

    /// <summary>Root mean square of every beat minus the median beat over template samples [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static double ResidualRms(ReadOnlySpan<double> signal, int[] peaks, int before, ReadOnlySpan<double> template, int from, int to)
    {
        var sum = 0.0;
        foreach (var peak in peaks)
        {
            var beat = signal.Slice(peak - before, template.Length);
            for (var i = from; i < to; i++)
            {
                var difference = beat[i] - template[i];
                sum += difference * difference;
            }
        }

        return Math.Sqrt(sum / (peaks.Length * (to - from)));
    }

    /// <summary>Mean correlation of each beat's P window with the median beat's.</summary>
    private static double PWindowCorrelation(ReadOnlySpan<double> signal, int[] peaks, int before, int pStart, ReadOnlySpan<double> pTemplate)
    {
        var sum = 0.0;
        foreach (var peak in peaks)
        {
            sum += Statistics.Correlation(signal.Slice(peak - before + pStart, pTemplate.Length), pTemplate);
        }

        return sum / peaks.Length;
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return (min, max);
    }
}
