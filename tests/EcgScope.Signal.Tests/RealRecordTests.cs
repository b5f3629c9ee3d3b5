using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;
using EcgScope.Signal.Resampling;

namespace EcgScope.Signal.Tests;

/// <summary>The signal code on MIT-BIH records (lead MLII) with their reference beat annotations.</summary>
public class RealRecordTests
{
    private static int[] Samples((int Sample, AnnotationCode Code)[] beats, int before = int.MaxValue) =>
        [.. beats.Select(b => b.Sample).Where(s => s < before)];

    [Fact]
    public void Record_100_is_excellent_and_record_207_unacceptable_for_its_beat_morphology()
    {
        var (clean, cleanBeats, rate) = MitBih.Read("100");
        var (flutter, flutterBeats, _) = MitBih.Read("207");
        var minute = rate.SamplesIn(60);

        var good = SignalQuality.Assess("MLII", clean.AsSpan(0, minute), rate, Samples(cleanBeats, minute));
        var bad = SignalQuality.Assess("MLII", flutter.AsSpan(0, minute), rate, Samples(flutterBeats, minute));

        Assert.True(good.Verdict == QualityVerdict.Excellent, string.Join("; ", good.Reasons));
        Assert.Equal(QualityVerdict.Unacceptable, bad.Verdict);
        Assert.Contains(bad.Reasons, r => r.StartsWith("template correlation", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_100_nn_rejection_catches_the_annotated_ectopic_beats_and_spares_normal_ones()
    {
        var (_, beats, rate) = MitBih.Read("100");

        var intervals = NnIntervals.FromRPeaks(Samples(beats), rate);

        // Interval i ends at beat i + 1.
        var ectopic = Enumerable.Range(0, intervals.IntervalsMs.Length).Where(i => beats[i + 1].Code != AnnotationCode.Normal).ToArray();
        var normal = Enumerable.Range(0, intervals.IntervalsMs.Length)
            .Where(i => beats[i].Code == AnnotationCode.Normal && beats[i + 1].Code == AnnotationCode.Normal && (i + 2 >= beats.Length || beats[i + 2].Code == AnnotationCode.Normal))
            .ToArray();
        Assert.Equal(34, ectopic.Length); // 33 atrial premature beats and 1 PVC
        Assert.True(ectopic.Count(i => !intervals.IsNormal[i]) >= 30, $"{ectopic.Count(i => !intervals.IsNormal[i])} of 34 ectopic intervals rejected");
        Assert.True(normal.Count(i => !intervals.IsNormal[i]) < normal.Length / 200, $"{normal.Count(i => !intervals.IsNormal[i])} of {normal.Length} normal intervals rejected");

        var report = HrvAnalysis.Analyze(intervals);
        Assert.InRange(report.TimeDomain.Value!.MeanHeartRateBpm, 74, 77); // 2273 beats in 30:06
        Assert.True(report.FrequencyDomain.IsAvailable);
        Assert.NotNull(report.FrequencyDomain.Value!.VlfMs2);
    }

    [Fact]
    public void Zero_phase_band_pass_leaves_r_peaks_where_they_were()
    {
        var (lead, beats, rate) = MitBih.Read("100");
        var filtered = EcgFilters.ZeroPhase(lead, Butterworth.BandPass(4, 0.5, 40, rate));
        var radius = rate.SamplesIn(0.05);

        var moved = Samples(beats).Count(peak => Math.Abs(ArgMax(lead, peak, radius) - ArgMax(filtered, peak, radius)) > 1);

        Assert.True(moved < beats.Length / 100, $"{moved} of {beats.Length} R-peaks moved by more than one sample");
    }

    [Fact]
    public void Resampling_record_100_to_500_Hz_keeps_annotations_on_the_r_peaks()
    {
        var (lead, beats, rate) = MitBih.Read("100");
        var record = new EcgRecord([EcgLead.FromOwnedArray("MLII", lead)], rate)
        {
            Annotations = [.. beats.Select(b => new Annotation(b.Sample, b.Code))],
        };

        var resampled = Resampler.Resample(record, new SamplingRate(500));

        var samples = resampled.Leads[0].Span.ToArray();
        var radius = resampled.SamplingRate.SamplesIn(0.05);
        var originalOffsets = Samples(beats).Select(p => ArgMax(lead, p, rate.SamplesIn(0.05)) - p).ToArray();
        var offsets = resampled.Annotations.Select(a => ArgMax(samples, a.SampleIndex, radius) - a.SampleIndex).ToArray();
        Assert.Equal(beats.Length, offsets.Length);
        var agreeing = offsets.Zip(originalOffsets).Count(pair => Math.Abs((pair.First / 500.0) - (pair.Second / 360.0)) <= 0.004);
        Assert.True(agreeing > beats.Length * 0.99, $"{agreeing} of {beats.Length} peaks within 4 ms of where the annotation puts them");
    }

    [Fact]
    public void Record_100_beats_follow_their_median_template()
    {
        var (lead, beats, rate) = MitBih.Read("100");
        var record = new EcgRecord([EcgLead.FromOwnedArray("MLII", lead)], rate);

        var set = BeatSegmenter.Segment(record, Samples(beats));

        Assert.Equal(beats.Length, set.Beats.Length + set.DroppedAtEdges);
        Assert.True(set.DroppedAtEdges <= 2);
        var template = set.Leads[0].MedianBeat.ToArray();
        Assert.InRange(Array.IndexOf(template, template.Max()), set.SamplesBefore - 3, set.SamplesBefore + 3);
        Assert.True(set.Leads[0].MeanCorrelation > 0.95, $"mean correlation {set.Leads[0].MeanCorrelation}");
    }

    private static int ArgMax(ReadOnlySpan<double> signal, int around, int radius)
    {
        var best = Math.Clamp(around, 0, signal.Length - 1);
        for (var i = Math.Max(0, around - radius); i <= Math.Min(signal.Length - 1, around + radius); i++)
        {
            best = signal[i] > signal[best] ? i : best;
        }

        return best;
    }
}
