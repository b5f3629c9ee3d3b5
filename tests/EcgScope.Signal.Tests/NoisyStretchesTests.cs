using EcgScope.Signal.Detection;
using EcgScope.Signal.Quality;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Signal.Tests;

public class NoisyStretchesTests
{
    [Fact]
    public void A_burst_of_noise_is_found_where_it_was_added_and_nowhere_else()
    {
        var record = DemoEcg.Generate(DemoRhythm.NormalSinus, 70, durationSeconds: 60, seed: 5);
        var samples = record.Leads[0].SamplesMillivolts.ToArray();
        var rate = record.SamplingRate;
        var random = new Random(9);
        for (var i = (int)(20 * rate.Hertz); i < (int)(30 * rate.Hertz); i++)
        {
            samples[i] += 2 * ((random.NextDouble() * 2) - 1) + Math.Sin(i / 3.0); // muscle-like noise and a fast swing
        }

        var lead = record.Leads[0].WithSamples(samples);
        var peaks = RPeakDetectors.Default.Detect(lead.Span, rate);

        var stretches = NoisyStretches.Find(lead.Span, rate, peaks);

        Assert.Equal([new SignalStretch(20, 30)], stretches);
    }

    [Fact]
    public void A_clean_lead_has_no_noisy_stretch_and_neighbouring_ones_merge()
    {
        var clean = DemoEcg.Generate(DemoRhythm.NormalSinus, 70, durationSeconds: 45, seed: 2);
        var rate = clean.SamplingRate;
        Assert.Empty(NoisyStretches.Find(clean.Leads[0].Span, rate, RPeakDetectors.Default.Detect(clean.Leads[0].Span, rate)));

        var noisy = DemoEcg.Generate(DemoRhythm.Noisy, 75, durationSeconds: 45, seed: 2);
        var stretches = NoisyStretches.Find(noisy.Leads[0].Span, rate, RPeakDetectors.Default.Detect(noisy.Leads[0].Span, rate));

        // 45 s make windows 0-10, 10-20, 20-30 and 30-45 (the 5 s remainder joins the last); all noisy, one stretch.
        Assert.Equal([new SignalStretch(0, 45)], stretches);
    }
}
