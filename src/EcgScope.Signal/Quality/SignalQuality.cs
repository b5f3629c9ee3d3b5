using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Spectral;

namespace EcgScope.Signal.Quality;

/// <summary>
/// Per-lead ECG signal quality by three published rule sets; the verdict is the worst of the three.
/// <list type="number">
/// <item><b>Zhao &amp; Zhang 2018</b> (Z. Zhao, Y. Zhang, "SQI quality evaluation mechanism of single-lead ECG signal
/// based on simple heuristic fusion and fuzzy comprehensive evaluation", Front. Physiol. 9:727), simple heuristic
/// fusion as NeuroKit2's <c>ecg_quality(method="zhao2018")</c> implements it: pSQI, the 5–15 Hz over 5–40 Hz power,
/// optimal in (0.5, 0.8), suspicious in (0.4, 0.5], else unqualified, or (0.4, 0.7) and (0.3, 0.4] when the fastest
/// beat-to-beat rate is 130 bpm or more; kSQI, the kurtosis, optimal above 5, else unqualified; basSQI, 1 − the
/// 0–1 Hz over 0–40 Hz power, optimal from 0.95, suspicious from 0.9, else unqualified. Unacceptable with two
/// unqualified indices, or one unqualified and two suspicious; Excellent with two or more optimal and none
/// unqualified; otherwise (barely) Acceptable.</item>
/// <item><b>Orphanidou et al. 2015</b> (C. Orphanidou et al., "Signal-quality indices for the electrocardiogram and
/// photoplethysmogram", IEEE J. Biomed. Health Inform. 19(3)), with R-peaks: heart rate 40–180 bpm, no RR interval
/// over 3 s, longest over shortest RR below 2.2, and beats correlating at least 0.66 on average with the median
/// beat. Failing any is unacceptable.</item>
/// <item><b>Recording defects</b>, EcgScope's own because the spectral indices cannot see them: under
/// <see cref="MinimumSeconds"/> s, missing samples inside the recording (those before its first and after its last
/// valid sample are its edges: the lead is assessed without them), flat line (runs of <see cref="FlatRunSeconds"/> s without change:
/// a loose electrode) and clipping (samples pinned at the extremes: amplifier saturation). Unqualified is
/// unacceptable, suspicious is acceptable.</item>
/// </list>
/// Departures, chosen on the odd-numbered CinC 2017 records and checked on the even ones (docs/quality.md): an
/// unqualified basSQI counts as suspicious in Zhao's fusion, because every beat measure runs after the band-pass that
/// removes the wander it measures; and Orphanidou's RR-ratio rule makes a lead acceptable, not unacceptable, because
/// over the 30 s and more EcgScope assesses (Orphanidou used 10 s) one missed or extra detection breaks it, and the
/// heart rate is taken after artefact correction. The paper's qSQI (agreement of two R-peak detectors) is left out, as in NeuroKit2, and kSQI is Pearson's
/// kurtosis (Gaussian noise 3), as in Li, Mark &amp; Clifford 2008 where the index and its threshold of 5 come from,
/// not NeuroKit2's default excess kurtosis. Indices are measured on the lead before the band-pass (after the mains
/// notch when one is asked): basSQI measures the baseline wander a 0.5 Hz high-pass would hide. Spectral indices use
/// Welch's PSD and need a sampling rate above 80 Hz; below it only kSQI enters Zhao's rules. Missing samples are
/// bridged by interpolation for the other indices. Thresholds are constants below.
/// </summary>
public static class SignalQuality
{
    /// <summary>Fastest beat-to-beat rate, in bpm, from which Zhao &amp; Zhang's pSQI bands move down by 0.1.</summary>
    public const double FastRateBpm = 130;

    /// <summary>Orphanidou's bound on the longest over the shortest RR interval.</summary>
    public const double MaxRrRatio = 2.2;

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

        // Missing samples before the first and after the last valid one are the edges of the recording (an Apple Watch
        // PDF leaves its first 0.36 s undrawn), not defects of the signal: the lead is assessed without them.
        var (start, end) = RecordedRange(samples);
        if (start > 0 || end < samples.Length)
        {
            samples = samples[start..end];
            rPeaks = Shifted(rPeaks, start, end);
        }

        var indices = ImmutableArray.CreateBuilder<QualityIndex>();
        var seconds = samples.Length / samplingRate.Hertz;
        if (seconds < MinimumSeconds)
        {
            indices.Add(new QualityIndex("length", seconds, QualityLevel.Unqualified, Text($"only {seconds:0.##} s of recorded signal; at least {MinimumSeconds} s needed"), QualityRuleSet.RecordingDefects));
            return Judge(leadName, indices.ToImmutable());
        }

        var bridged = new double[samples.Length];
        NanGaps.Bridge(samples, bridged);
        indices.Add(Missing(samples));
        indices.Add(FlatLine(bridged, samplingRate));
        indices.Add(Clipping(bridged));
        indices.Add(Kurtosis(bridged));
        if (samplingRate.Hertz > 80)
        {
            var spectrum = PowerSpectrum.Welch(bridged, samplingRate);
            indices.Add(PowerRatio(spectrum, FastestBpm(rPeaks, samplingRate)));
            indices.Add(Baseline(spectrum));
        }

        if (!rPeaks.IsEmpty)
        {
            indices.Add(TemplateCorrelation(bridged, samplingRate, rPeaks));
            indices.Add(RhythmFeasibility(rPeaks, samplingRate));
            if (rPeaks.Length >= 2)
            {
                indices.Add(RrRatio(rPeaks));
            }
        }

        return Judge(leadName, indices.ToImmutable());
    }

    /// <summary>The verdict the three rule sets give <paramref name="indices"/> (at least one).</summary>
    public static LeadQuality Judge(string leadName, ImmutableArray<QualityIndex> indices)
    {
        var verdict = (QualityVerdict)Math.Max(
            (int)ZhaoVerdict(indices.Where(index => index.RuleSet == QualityRuleSet.Zhao2018).ToArray()),
            indices.Max(index => (int)(index.RuleSet == QualityRuleSet.Zhao2018 ? QualityVerdict.Excellent : OwnVerdict(index))));
        return new LeadQuality(leadName, verdict, indices);
    }

    /// <summary>Zhao &amp; Zhang 2018's simple heuristic fusion.</summary>
    private static QualityVerdict ZhaoVerdict(QualityIndex[] indices)
    {
        var optimal = indices.Count(index => index.Level == QualityLevel.Optimal);
        var suspicious = indices.Count(index => index.Level == QualityLevel.Suspicious || IsWanderOnly(index));
        var unqualified = indices.Length - optimal - suspicious;
        return unqualified >= 2 || (unqualified == 1 && suspicious == 2) ? QualityVerdict.Unacceptable
            : unqualified == 0 && optimal >= Math.Min(2, indices.Length) ? QualityVerdict.Excellent
            : QualityVerdict.Acceptable;
    }

    /// <summary>Departure: an unqualified basSQI counts as suspicious, since the band-pass removes the wander it measures.</summary>
    private static bool IsWanderOnly(QualityIndex index) => index.Name == "basSQI" && index.Level == QualityLevel.Unqualified;

    /// <summary>Orphanidou's rules and the defect checks judge index by index.</summary>
    private static QualityVerdict OwnVerdict(QualityIndex index) => index.Level switch
    {
        QualityLevel.Unqualified => QualityVerdict.Unacceptable,
        QualityLevel.Suspicious => QualityVerdict.Acceptable,
        _ => QualityVerdict.Excellent,
    };

    /// <summary>From the first valid sample to one past the last; (0, 0) when there is none.</summary>
    private static (int Start, int End) RecordedRange(ReadOnlySpan<double> samples)
    {
        var start = 0;
        while (start < samples.Length && !double.IsFinite(samples[start]))
        {
            start++;
        }

        var end = samples.Length;
        while (end > start && !double.IsFinite(samples[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>The peaks in [<paramref name="start"/>, <paramref name="end"/>), counted from <paramref name="start"/>.</summary>
    private static int[] Shifted(ReadOnlySpan<int> rPeaks, int start, int end)
    {
        var shifted = new List<int>(rPeaks.Length);
        foreach (var peak in rPeaks)
        {
            if (peak >= start && peak < end)
            {
                shifted.Add(peak - start);
            }
        }

        return [.. shifted];
    }

    /// <summary>Dropouts inside the recording (the edges are already cut off).</summary>
    private static QualityIndex Missing(ReadOnlySpan<double> samples)
    {
        var missing = 0;
        foreach (var x in samples)
        {
            missing += double.IsFinite(x) ? 0 : 1;
        }

        var share = (double)missing / samples.Length;
        var level = share == 0 ? QualityLevel.Optimal : share <= 0.05 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("missing", share, level, Text($"missing samples: {share:P1} of the recording (dropouts inside it; suspicious above 0, unqualified above 5 %)"), QualityRuleSet.RecordingDefects);
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
        return new QualityIndex("flat", share, level, Text($"flat line: {share:P1} of the lead is constant for ≥ {FlatRunSeconds} s (suspicious above 1 %, unqualified above 10 %)"), QualityRuleSet.RecordingDefects);
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
        return new QualityIndex("clipping", share, level, Text($"clipping: {share:P2} of samples pinned at the extremes (suspicious above 0.2 %, unqualified above 1 %)"), QualityRuleSet.RecordingDefects);
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
        var level = kurtosis > 5 ? QualityLevel.Optimal : QualityLevel.Unqualified;
        return new QualityIndex("kSQI", kurtosis, level, Text($"kSQI: kurtosis {kurtosis:0.##} (Zhao 2018: optimal above 5, else unqualified; Gaussian noise gives 3)"), QualityRuleSet.Zhao2018);
    }

    private static QualityIndex PowerRatio(PowerSpectrum spectrum, double fastestBpm)
    {
        var ratio = spectrum.BandPower(5, 15) / spectrum.BandPower(5, 40);
        var shift = fastestBpm >= FastRateBpm ? 0.1 : 0; // a fast QRS puts more power above 15 Hz
        var (low, high, floor) = (0.5 - shift, 0.8 - shift, 0.4 - shift);
        var level = ratio > low && ratio < high ? QualityLevel.Optimal
            : ratio > floor && ratio <= low ? QualityLevel.Suspicious
            : QualityLevel.Unqualified;
        return new QualityIndex("pSQI", ratio, level, Text($"pSQI: QRS-band power 5–15 Hz is {ratio:P0} of 5–40 Hz (Zhao 2018 at a fastest rate of {fastestBpm:0} bpm: optimal {low:P0}–{high:P0}, suspicious {floor:P0}–{low:P0})"), QualityRuleSet.Zhao2018);
    }

    /// <summary>The rate of the shortest RR interval, as NeuroKit2 takes it; 0 without two peaks.</summary>
    private static double FastestBpm(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate)
    {
        var shortest = int.MaxValue;
        for (var i = 1; i < rPeaks.Length; i++)
        {
            shortest = Math.Min(shortest, rPeaks[i] - rPeaks[i - 1]);
        }

        return shortest == int.MaxValue ? 0 : 60 * samplingRate.Hertz / shortest;
    }

    private static QualityIndex Baseline(PowerSpectrum spectrum)
    {
        var ratio = 1 - (spectrum.BandPower(0, 1) / spectrum.BandPower(0, 40));
        var level = ratio >= 0.95 ? QualityLevel.Optimal : ratio >= 0.9 ? QualityLevel.Suspicious : QualityLevel.Unqualified;
        return new QualityIndex("basSQI", ratio, level, Text($"basSQI: {1 - ratio:P1} of the 0–40 Hz power is baseline wander below 1 Hz (basSQI {ratio:0.###}; Zhao 2018: optimal from 0.95, unqualified below 0.9, which counts as suspicious here as the band-pass removes wander)"), QualityRuleSet.Zhao2018);
    }

    private static QualityIndex TemplateCorrelation(ReadOnlySpan<double> signal, SamplingRate samplingRate, ReadOnlySpan<int> rPeaks)
    {
        var before = TemplateWindow.SamplesBefore(samplingRate);
        var after = TemplateWindow.SamplesAfter(samplingRate);
        var fitting = BeatSegmenter.FittingPeaks(rPeaks, signal.Length, before, after);
        if (fitting.Length < MinimumBeatsForTemplate)
        {
            return new QualityIndex("templateSQI", double.NaN, QualityLevel.Unqualified, Text($"template correlation: only {fitting.Length} complete beats; at least {MinimumBeatsForTemplate} needed"), QualityRuleSet.Orphanidou2015);
        }

        var template = BeatSegmenter.MedianTemplate(signal, fitting, before, after);
        var mean = BeatSegmenter.CorrelationsWithTemplate(signal, fitting, before, template).Average();
        var level = mean >= 0.66 ? QualityLevel.Optimal : QualityLevel.Unqualified;
        return new QualityIndex("templateSQI", mean, level, Text($"template correlation: beats correlate {mean:0.###} on average with the median beat (Orphanidou 2015: adequate from 0.66)"), QualityRuleSet.Orphanidou2015);
    }

    private static QualityIndex RhythmFeasibility(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate)
    {
        if (rPeaks.Length < 2)
        {
            return new QualityIndex("rhythm", double.NaN, QualityLevel.Unqualified, Text($"rhythm: {rPeaks.Length} R-peak(s); a heart rate needs at least 2"), QualityRuleSet.Orphanidou2015);
        }

        var longest = 0.0;
        for (var i = 1; i < rPeaks.Length; i++)
        {
            longest = Math.Max(longest, (rPeaks[i] - rPeaks[i - 1]) / samplingRate.Hertz);
        }

        var bpm = 60 * (rPeaks.Length - 1) / ((rPeaks[^1] - rPeaks[0]) / samplingRate.Hertz);
        var level = bpm is < 40 or > 180 || longest > 3 ? QualityLevel.Unqualified : QualityLevel.Optimal;
        return new QualityIndex("rhythm", bpm, level, Text($"rhythm: {bpm:0} bpm, longest RR {longest:0.##} s (Orphanidou 2015: 40–180 bpm, RR ≤ 3 s)"), QualityRuleSet.Orphanidou2015);
    }

    private static QualityIndex RrRatio(ReadOnlySpan<int> rPeaks)
    {
        int shortest = int.MaxValue, longest = 0;
        for (var i = 1; i < rPeaks.Length; i++)
        {
            shortest = Math.Min(shortest, rPeaks[i] - rPeaks[i - 1]);
            longest = Math.Max(longest, rPeaks[i] - rPeaks[i - 1]);
        }

        var ratio = (double)longest / shortest;
        var level = ratio < MaxRrRatio ? QualityLevel.Optimal : QualityLevel.Suspicious;
        return new QualityIndex("rrRatio", ratio, level, Text($"RR ratio: longest over shortest RR is {ratio:0.##} (Orphanidou 2015: below {MaxRrRatio}; suspicious here, not unacceptable)"), QualityRuleSet.Orphanidou2015);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
