using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Spectral;

namespace EcgScope.Signal.Quality;

/// <summary>
/// Per-lead ECG signal-quality assessment by published indices, fused by the worst-index heuristic of Z. Zhao &amp;
/// Y. Zhang, "SQI quality evaluation mechanism of single-lead ECG signal based on simple heuristic fusion and fuzzy
/// comprehensive evaluation", Front. Physiol. 9:727, 2018:
/// <list type="bullet">
/// <item>kSQI, the kurtosis of the amplitude distribution: clean ECG &gt; 5, Gaussian noise ≈ 3 (Q. Li, R. G. Mark,
/// G. D. Clifford, Physiol. Meas. 29, 2008; G. D. Clifford et al., Physiol. Meas. 33, 2012);</item>
/// <item>pSQI, the power in 5–15 Hz (QRS) over 5–40 Hz: clean 0.5–0.8 (Li 2008; Clifford 2012);</item>
/// <item>basSQI, 1 − power in 0–1 Hz over 0–40 Hz: baseline wander when low (Li 2008);</item>
/// <item>flat line: share of the lead in runs of <see cref="FlatRunSeconds"/> s or more without change (a loose or
/// disconnected electrode);</item>
/// <item>clipping: share of samples pinned at the lead's extreme values in runs of 3 or more (amplifier saturation);</item>
/// <item>missing: share of NaN samples;</item>
/// <item>with R-peaks: template correlation, the mean correlation of the beats with the median beat (adequate at
/// ≥ 0.66, C. Orphanidou et al., IEEE J. Biomed. Health Inform. 19(3), 2015), and Orphanidou's feasibility rules
/// (heart rate 40–180 bpm, no RR gap over 3 s, longest over shortest RR below 2.2).</item>
/// </list>
/// Spectral indices use Welch's PSD and need a sampling rate above 80 Hz (so 40 Hz is below Nyquist); below it they
/// are left out. One departure from the worst-index rule: baseline wander (basSQI) is removed by the high-pass every
/// measurement here runs after, so on its own it lowers a lead to Acceptable, not Unacceptable; the index itself still
/// reports Unqualified with its reason. Missing samples are bridged by interpolation for the other indices. Thresholds are constants below.
/// </summary>
public static class SignalQuality
{
    /// <summary>The index whose defect (baseline wander) filtering removes, so it cannot make a lead unacceptable.</summary>
    public const string CorrectableIndex = "basSQI";

    /// <summary>Shortest lead assessed, in seconds; shorter leads are unacceptable.</summary>
    public const double MinimumSeconds = 2;

    /// <summary>Shortest run without change, in seconds, counted as flat line.</summary>
    public const double FlatRunSeconds = 0.5;

    /// <summary>Fewest beats for the template correlation.</summary>
    public const int MinimumBeatsForTemplate = 3;

    private static readonly BeatWindow TemplateWindow = new(0.2, 0.4);

    /// <summary>Assesses every lead; <paramref name="rPeaks"/> (sample indices, may be empty) enable the beat-based indices.</summary>
    public static ImmutableArray<LeadQuality> Assess(EcgRecord record, ReadOnlySpan<int> rPeaks = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var builder = ImmutableArray.CreateBuilder<LeadQuality>(record.Leads.Length);
        foreach (var lead in record.Leads)
        {
            builder.Add(Assess(lead.Name, lead.Span, record.SamplingRate, rPeaks));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Assesses one lead (samples in mV).</summary>
    public static LeadQuality Assess(string leadName, ReadOnlySpan<double> samples, SamplingRate samplingRate, ReadOnlySpan<int> rPeaks = default)
    {
        RPeaks.RequireIncreasing(rPeaks);
        var indices = ImmutableArray.CreateBuilder<QualityIndex>();
        var seconds = samples.Length / samplingRate.Hertz;
        if (seconds < MinimumSeconds)
        {
            indices.Add(new QualityIndex("length", seconds, QualityLevel.Unqualified, Text($"only {seconds:0.##} s of signal; at least {MinimumSeconds} s needed")));
            return Fuse(leadName, indices.ToImmutable());
        }

        var bridged = new double[samples.Length];
        NanGaps.Bridge(samples, bridged);
        indices.Add(Missing(samples));
        if (double.IsNaN(bridged[0]))
        {
            return Fuse(leadName, indices.ToImmutable()); // nothing but NaN
        }

        indices.Add(FlatLine(bridged, samplingRate));
        indices.Add(Clipping(bridged));
        indices.Add(Kurtosis(bridged));
        if (samplingRate.Hertz > 80)
        {
            var spectrum = PowerSpectrum.Welch(bridged, samplingRate);
            indices.Add(PowerRatio(spectrum));
            indices.Add(Baseline(spectrum));
        }

        if (!rPeaks.IsEmpty)
        {
            indices.Add(TemplateCorrelation(bridged, samplingRate, rPeaks));
            indices.Add(RhythmFeasibility(rPeaks, samplingRate));
        }

        return Fuse(leadName, indices.ToImmutable());
    }

    private static LeadQuality Fuse(string leadName, ImmutableArray<QualityIndex> indices)
    {
        var score = indices.Average(index => index.Level switch
        {
            QualityLevel.Optimal => 1.0,
            QualityLevel.Suspicious => 0.5,
            _ => 0.0,
        });
        var verdict = indices.Any(index => index.Level == QualityLevel.Unqualified && index.Name != CorrectableIndex) ? QualityVerdict.Unacceptable
            : indices.Any(index => index.Level != QualityLevel.Optimal) ? QualityVerdict.Acceptable
            : QualityVerdict.Excellent;
        return new LeadQuality(leadName, score, verdict, indices);
    }

    private static QualityIndex Missing(ReadOnlySpan<double> samples)
    {
        var missing = 0;
        foreach (var x in samples)
        {
            missing += double.IsNaN(x) ? 1 : 0;
        }

        var share = (double)missing / samples.Length;
        var level = share == 0 ? QualityLevel.Optimal : share <= 0.05 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("missing", share, level, Text($"missing samples: {share:P1} of the lead (suspicious above 0, unqualified above 5 %)"));
    }

    private static QualityIndex FlatLine(ReadOnlySpan<double> signal, SamplingRate samplingRate)
    {
        var minimumRun = Math.Max(2, samplingRate.SamplesIn(FlatRunSeconds));
        var flat = 0;
        var runStart = 0;
        for (var i = 1; i <= signal.Length; i++)
        {
            if (i < signal.Length && Math.Abs(signal[i] - signal[runStart]) <= 1e-9)
            {
                continue;
            }

            flat += i - runStart >= minimumRun ? i - runStart : 0;
            runStart = i;
        }

        var share = (double)flat / signal.Length;
        var level = share <= 0.01 ? QualityLevel.Optimal : share <= 0.1 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("flat", share, level, Text($"flat line: {share:P1} of the lead is constant for ≥ {FlatRunSeconds} s (suspicious above 1 %, unqualified above 10 %)"));
    }

    private static QualityIndex Clipping(ReadOnlySpan<double> signal)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var x in signal)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        var tolerance = (max - min) * 1e-4;
        var pinned = 0;
        var run = 0;
        for (var i = 0; i <= signal.Length; i++)
        {
            if (i < signal.Length && max > min && (signal[i] >= max - tolerance || signal[i] <= min + tolerance))
            {
                run++;
                continue;
            }

            pinned += run >= 3 ? run : 0;
            run = 0;
        }

        var share = (double)pinned / signal.Length;
        var level = share <= 0.002 ? QualityLevel.Optimal : share <= 0.01 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("clipping", share, level, Text($"clipping: {share:P2} of samples pinned at the extremes (suspicious above 0.2 %, unqualified above 1 %)"));
    }

    private static QualityIndex Kurtosis(ReadOnlySpan<double> signal)
    {
        var mean = Statistics.Mean(signal);
        double m2 = 0, m4 = 0;
        foreach (var x in signal)
        {
            var d = (x - mean) * (x - mean);
            m2 += d;
            m4 += d * d;
        }

        m2 /= signal.Length;
        m4 /= signal.Length;
        var kurtosis = m2 > 0 ? m4 / (m2 * m2) : double.NaN;
        var level = kurtosis > 5 ? QualityLevel.Optimal : kurtosis > 4 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("kSQI", kurtosis, level, Text($"kSQI: kurtosis {kurtosis:0.##} (clean ECG above 5, Gaussian noise 3; unqualified at 4 or below)"));
    }

    private static QualityIndex PowerRatio(PowerSpectrum spectrum)
    {
        var ratio = spectrum.BandPower(5, 15) / spectrum.BandPower(5, 40);
        var level = ratio is >= 0.5 and <= 0.8 ? QualityLevel.Optimal
            : ratio is >= 0.4 and <= 0.9 ? QualityLevel.Suspicious
            : QualityLevel.Unqualified;
        return new QualityIndex("pSQI", ratio, level, Text($"pSQI: QRS-band power 5–15 Hz is {ratio:P0} of 5–40 Hz (clean 50–80 %, suspicious 40–90 %)"));
    }

    private static QualityIndex Baseline(PowerSpectrum spectrum)
    {
        var ratio = 1 - (spectrum.BandPower(0, 1) / spectrum.BandPower(0, 40));
        var level = ratio >= 0.95 ? QualityLevel.Optimal : ratio >= 0.9 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("basSQI", ratio, level, Text($"basSQI: {1 - ratio:P1} of the 0–40 Hz power is baseline wander below 1 Hz (basSQI {ratio:0.###}; clean ≥ 0.95, unqualified below 0.9)"));
    }

    private static QualityIndex TemplateCorrelation(ReadOnlySpan<double> signal, SamplingRate samplingRate, ReadOnlySpan<int> rPeaks)
    {
        var before = TemplateWindow.SamplesBefore(samplingRate);
        var after = TemplateWindow.SamplesAfter(samplingRate);
        var fitting = BeatSegmenter.FittingPeaks(rPeaks, signal.Length, before, after);
        if (fitting.Length < MinimumBeatsForTemplate)
        {
            return new QualityIndex("templateSQI", double.NaN, QualityLevel.Unqualified, Text($"template correlation: only {fitting.Length} complete beats; at least {MinimumBeatsForTemplate} needed"));
        }

        var template = BeatSegmenter.MedianTemplate(signal, fitting, before, after);
        var mean = BeatSegmenter.CorrelationsWithTemplate(signal, fitting, before, template).Average();
        var level = mean >= 0.9 ? QualityLevel.Optimal : mean >= 0.66 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("templateSQI", mean, level, Text($"template correlation: beats correlate {mean:0.###} on average with the median beat (Orphanidou 2015: adequate ≥ 0.66; optimal here ≥ 0.9)"));
    }

    private static QualityIndex RhythmFeasibility(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate)
    {
        if (rPeaks.Length < 2)
        {
            return new QualityIndex("rhythm", double.NaN, QualityLevel.Unqualified, Text($"rhythm: {rPeaks.Length} R-peak(s); a heart rate needs at least 2"));
        }

        double shortest = double.PositiveInfinity, longest = 0;
        for (var i = 1; i < rPeaks.Length; i++)
        {
            var rr = (rPeaks[i] - rPeaks[i - 1]) / samplingRate.Hertz;
            shortest = Math.Min(shortest, rr);
            longest = Math.Max(longest, rr);
        }

        var bpm = 60 * (rPeaks.Length - 1) / ((rPeaks[^1] - rPeaks[0]) / samplingRate.Hertz);
        var level = bpm is < 40 or > 180 || longest > 3 ? QualityLevel.Unqualified
            : longest / shortest > 2.2 ? QualityLevel.Suspicious
            : QualityLevel.Optimal;
        return new QualityIndex("rhythm", bpm, level, Text($"rhythm: {bpm:0} bpm, longest RR {longest:0.##} s, longest/shortest RR {longest / shortest:0.##} (Orphanidou 2015: 40–180 bpm, RR ≤ 3 s, ratio < 2.2)"));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
