using EcgScope.Signal.Beats;
using EcgScope.Signal.Synthesis;
using static EcgScope.Signal.Tests.SignalHelpers;

namespace EcgScope.Signal.Tests;

public class BeatTests
{
    [Fact]
    public void Beats_too_close_to_the_edges_are_dropped_and_counted()
    {
        var record = Record(100, new double[1000]);

        var beats = BeatSegmenter.Segment(record, [10, 25, 300, 600, 959, 960], new BeatWindow(0.25, 0.4));

        Assert.Equal(25, beats.SamplesBefore);
        Assert.Equal(40, beats.SamplesAfter);
        Assert.Equal([25, 300, 600, 959], beats.Beats.Select(b => b.RPeakSample));
        Assert.Equal(2, beats.DroppedAtEdges);
        Assert.Equal(0, beats.Beats[0].StartSample);
        Assert.Equal(3.0, beats.Beats[1].RPeakSeconds, 12);
        Assert.Equal(66, beats.Leads[0].MedianBeat.Length);
    }

    [Fact]
    public void The_median_template_of_a_synthetic_ecg_peaks_at_the_r_wave_and_every_beat_correlates()
    {
        var generated = SyntheticEcg.Generate(new SyntheticEcgOptions { DurationSeconds = 30, NoiseMillivolts = 0.02 });

        var beats = BeatSegmenter.Segment(generated.Record, generated.RPeaks.AsSpan());

        var lead = Assert.Single(beats.Leads);
        var template = lead.MedianBeat.ToArray();
        Assert.InRange(Array.IndexOf(template, template.Max()), beats.SamplesBefore - 1, beats.SamplesBefore + 1);
        Assert.InRange(template.Max(), 1.0, 1.3);
        Assert.Equal(beats.Beats.Length, lead.Correlations.Length);
        Assert.True(lead.Correlations.Min() > 0.95, $"correlations {string.Join(",", lead.Correlations)} peaks {string.Join(",", generated.RPeaks)}");
    }

    [Fact]
    public void A_beat_unlike_the_others_correlates_poorly_and_the_median_ignores_it()
    {
        var signal = new double[2000];
        int[] peaks = [200, 500, 800, 1100, 1400];
        foreach (var peak in peaks)
        {
            for (var i = -10; i <= 10; i++)
            {
                signal[peak + i] = peak == 800 ? -Math.Sin(i * 0.3) : 1 - (Math.Abs(i) / 10.0);
            }
        }

        var lead = BeatSegmenter.Segment(Record(100, signal), peaks).Leads[0];

        Assert.Equal(1, lead.MedianBeat[25]);
        Assert.True(lead.Correlations[2] < 0.2);
        Assert.All(lead.Correlations.RemoveAt(2), c => Assert.Equal(1, c, 9));
    }
}
