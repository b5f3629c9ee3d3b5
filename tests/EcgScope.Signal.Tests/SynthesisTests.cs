using EcgScope.Core;
using EcgScope.Signal.Spectral;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Signal.Tests;

public class SynthesisTests
{
    [Fact]
    public void The_same_seed_gives_the_same_signal_and_another_seed_another()
    {
        var options = new SyntheticEcgOptions { DurationSeconds = 10, NoiseMillivolts = 0.05 };

        var first = SyntheticEcg.Generate(options).Record.Leads[0].Span.ToArray();
        var again = SyntheticEcg.Generate(options).Record.Leads[0].Span.ToArray();
        var other = SyntheticEcg.Generate(options with { Seed = 2 }).Record.Leads[0].Span.ToArray();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(60, 360)]
    [InlineData(75, 500)]
    [InlineData(150, 250)]
    public void Heart_rate_amplitude_and_r_peaks_match_the_settings(double bpm, double hz)
    {
        var result = SyntheticEcg.Generate(new SyntheticEcgOptions { DurationSeconds = 60, HeartRateBpm = bpm, SamplingRate = new SamplingRate(hz) });

        var peaks = result.RPeaks;
        var meanRr = (peaks[^1] - peaks[0]) / hz / (peaks.Length - 1);
        Assert.InRange(60 / meanRr, bpm * 0.97, bpm * 1.03);
        var clean = result.CleanMillivolts;
        Assert.Equal(-0.4, clean.Min(), 9);
        Assert.Equal(1.2, clean.Max(), 9);
        Assert.All(peaks, p => Assert.True(clean[p] > 0.8, $"R-peak at {p} is {clean[p]} mV"));
        Assert.Equal(peaks, result.Record.Annotations.Select(a => a.SampleIndex));
        Assert.All(result.Record.Annotations, a => Assert.True(a.IsBeat));
    }

    [Fact]
    public void Interference_options_add_what_they_say()
    {
        var options = new SyntheticEcgOptions { DurationSeconds = 30 };
        var clean = SyntheticEcg.Generate(options).Record;
        var mains = SyntheticEcg.Generate(options with { MainsMillivolts = 0.2, MainsHz = 60 }).Record;

        var cleanPower = PowerSpectrum.Welch(clean.Leads[0].Span, clean.SamplingRate).BandPower(59, 61);
        var mainsPower = PowerSpectrum.Welch(mains.Leads[0].Span, mains.SamplingRate).BandPower(59, 61);

        Assert.InRange(mainsPower - cleanPower, 0.02 * 0.9, 0.02 * 1.1); // 0.2² / 2
    }

    [Fact]
    public void Atrial_fibrillation_beats_follow_the_drawn_intervals_which_vary_as_asked()
    {
        var options = new SyntheticEcgOptions { DurationSeconds = 300, HeartRateBpm = 90, SamplingRate = new SamplingRate(500), AtrialFibrillation = new() };

        var result = SyntheticEcg.Generate(options);

        // The first interval carries the model from its start, in diastole, to the first R wave.
        var measured = result.RPeaks.Zip(result.RPeaks.Skip(1), (a, b) => (b - a) / 500.0).ToArray();
        var drawn = result.RrIntervalsSeconds.Skip(1).Take(measured.Length).ToArray();
        Assert.All(measured.Zip(drawn), pair => Assert.Equal(pair.Second, pair.First, 0.004));
        var mean = measured.Average();
        var deviation = Math.Sqrt(measured.Sum(rr => (rr - mean) * (rr - mean)) / (measured.Length - 1));
        Assert.InRange(deviation / mean, 0.17, 0.23);
        Assert.InRange(60 / mean, 86, 94);
        var successive = measured.Zip(measured.Skip(1), (a, b) => (a - mean) * (b - mean)).Sum() / measured.Sum(rr => (rr - mean) * (rr - mean));
        Assert.InRange(successive, -0.15, 0.15); // independent from beat to beat
    }

    [Fact]
    public void Fibrillatory_waves_have_the_frequency_and_amplitude_asked()
    {
        var fibrillation = new AtrialFibrillationOptions { FibrillatoryWaveHz = 7, FibrillatoryWaveMillivolts = 0.08 };
        var options = new SyntheticEcgOptions { DurationSeconds = 60, HeartRateBpm = 80, AtrialFibrillation = fibrillation };

        // Same seed, so the same beats: the difference is the f-waves alone.
        var with = SyntheticEcg.Generate(options).CleanMillivolts;
        var without = SyntheticEcg.Generate(options with { AtrialFibrillation = fibrillation with { FibrillatoryWaveMillivolts = 0 } }).CleanMillivolts;
        var waves = with.Zip(without, (a, b) => a - b).ToArray();

        var spectrum = PowerSpectrum.Welch(waves, options.SamplingRate);
        Assert.True(spectrum.BandPower(6.5, 7.5) > 0.8 * spectrum.BandPower(3, 12), "most power within 0.5 Hz of 7 Hz");
        Assert.InRange(waves.Max(), 0.05, 0.12);
        Assert.InRange(waves.Min(), -0.12, -0.05);
    }

    [Fact]
    public void Out_of_range_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { HeartRateBpm = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { NoiseMillivolts = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { DurationSeconds = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { AtrialFibrillation = new() { RrCoefficientOfVariation = 0.6 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { AtrialFibrillation = new() { FibrillatoryWaveHz = 12 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { AtrialFibrillation = new() { FibrillatoryWaveMillivolts = -0.1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { SamplingRate = new SamplingRate(30), AtrialFibrillation = new() }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticEcg.Generate(new SyntheticEcgOptions { HeartRateBpm = 200, QrsWidthScale = 3, AtrialFibrillation = new() { RrCoefficientOfVariation = 0 } }));
    }
}
