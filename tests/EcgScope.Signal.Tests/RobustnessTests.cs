using EcgScope.Core;
using EcgScope.Signal.Beats;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Normalization;
using EcgScope.Signal.Quality;
using EcgScope.Signal.Resampling;

namespace EcgScope.Signal.Tests;

/// <summary>Random inputs of random lengths, rates and gaps: every step returns a result, never an unexpected exception.</summary>
public class RobustnessTests
{
    [Fact]
    public void Processing_steps_accept_random_signals_with_gaps()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 60; trial++)
        {
            var rate = new SamplingRate(new[] { 100, 128, 250, 257.3, 360, 500, 1000 }[random.Next(7)]);
            var samples = Enumerable.Range(0, random.Next(0, 3000)).Select(_ => (random.NextDouble() - 0.5) * 4).ToArray();
            for (var gap = random.Next(0, 4); gap > 0 && samples.Length > 0; gap--)
            {
                var start = random.Next(samples.Length);
                Array.Fill(samples, double.NaN, start, Math.Min(random.Next(1, 300), samples.Length - start));
            }

            var record = new EcgRecord([EcgLead.FromOwnedArray("X", samples)], rate);
            var peaks = Enumerable.Range(0, random.Next(0, 20)).Select(_ => random.Next(Math.Max(1, samples.Length))).Distinct().Order().ToArray();

            var filtered = EcgFilters.BandPass(record, 0.5, Math.Min(40, rate.Hertz / 2.5));
            if (rate.Hertz > 100)
            {
                filtered = EcgFilters.Notch(filtered, 50);
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => EcgFilters.Notch(filtered, 50)); // 50 Hz is not below Nyquist
            }

            var resampled = Resampler.Resample(record, new SamplingRate(300));
            var normalised = Normalizer.ZScore(record);
            var quality = SignalQuality.Assess(record, peaks);
            var beats = BeatSegmenter.Segment(record, peaks);
            var hrv = HrvAnalysis.FromRPeaks(peaks, rate);

            for (var i = 0; i < samples.Length; i++)
            {
                Assert.Equal(double.IsNaN(samples[i]), double.IsNaN(filtered.Leads[0].Span[i]));
                Assert.Equal(double.IsNaN(samples[i]), double.IsNaN(normalised.Leads[0].Span[i]));
            }

            var expectedLength = samples.Length * 300 / rate.Hertz;
            Assert.InRange(resampled.SampleCount, Math.Floor(expectedLength), Math.Ceiling(expectedLength) + 1);
            Assert.NotEmpty(quality[0].Indices);
            Assert.Equal(peaks.Length, beats.Beats.Length + beats.DroppedAtEdges);
            Assert.Equal(Math.Max(0, peaks.Length - 1), hrv.Intervals.IntervalsMs.Length);
        }
    }
}
