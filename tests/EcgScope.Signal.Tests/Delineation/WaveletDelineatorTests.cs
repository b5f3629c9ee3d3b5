using EcgScope.Core;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Signal.Tests.Delineation;

public sealed class WaveletDelineatorTests
{
    private static readonly SamplingRate Rate = new(500);

    [Fact]
    public void Finds_the_boundaries_of_a_synthetic_beat_whose_waves_are_known()
    {
        var beats = KnownBeats.Build(Rate, beatCount: 10, out var signal);

        var found = WaveletDelineator.Delineate(signal, Rate, [.. beats.Select(beat => beat.RPeak)]);

        Assert.Equal(beats.Count, found.Beats.Length);
        var within = Rate.SamplesIn(0.02);
        for (var i = 1; i < beats.Count - 1; i++)
        {
            foreach (var fiducial in Enum.GetValues<Fiducial>())
            {
                var expected = beats[i].At(fiducial)!.Value;
                var actual = found.Beats[i].At(fiducial);
                Assert.True(actual is { } a && Math.Abs(a - expected) <= within, $"beat {i} {fiducial}: expected {expected}, found {actual}");
            }
        }
    }

    [Fact]
    public void Finds_no_p_wave_on_most_beats_of_atrial_fibrillation_but_on_nearly_every_sinus_beat()
    {
        var fibrillation = PWaveShare(DemoEcg.Generate(DemoRhythm.AtrialFibrillation, durationSeconds: 60));
        var sinus = PWaveShare(DemoEcg.Generate(DemoRhythm.NormalSinus, durationSeconds: 60));

        Assert.True(fibrillation < 0.3, $"P found on {fibrillation:P0} of AF beats");
        Assert.True(sinus > 0.9, $"P found on {sinus:P0} of sinus beats");
    }

    [Fact]
    public void First_and_last_beats_at_the_record_edges_leave_the_cut_waves_not_found()
    {
        KnownBeats.Build(Rate, beatCount: 3, out var signal);
        var rPeaks = new[] { 5, signal.Length / 2, signal.Length - 5 };

        var found = WaveletDelineator.Delineate(signal, Rate, rPeaks);

        Assert.Equal(3, found.Beats.Length);
        Assert.False(found.Beats[0].HasPWave);
        Assert.Null(found.Beats[2].TOffset);
    }

    [Fact]
    public void A_wave_over_missing_samples_is_not_found_and_the_others_are()
    {
        var beats = KnownBeats.Build(Rate, beatCount: 5, out var signal);
        var middle = beats[2];
        for (var i = middle.TPeak!.Value - 10; i <= middle.TPeak.Value + 10; i++)
        {
            signal[i] = double.NaN;
        }

        var found = WaveletDelineator.Delineate(signal, Rate, [.. beats.Select(beat => beat.RPeak)]);

        Assert.Null(found.Beats[2].TPeak);
        Assert.NotNull(found.Beats[2].QrsOnset);
        Assert.NotNull(found.Beats[1].TPeak);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void A_very_short_lead_gives_one_entry_per_peak_without_failing(int length)
    {
        var signal = new double[length];
        signal[length / 2] = 1;

        var found = WaveletDelineator.Delineate(signal, Rate, [length / 2]);

        var beat = Assert.Single(found.Beats);
        Assert.Equal(length / 2, beat.RPeak);
        Assert.False(beat.HasPWave);
    }

    [Fact]
    public void No_peaks_give_no_beats_and_bad_peaks_are_refused()
    {
        var signal = new double[1000];

        Assert.Empty(WaveletDelineator.Delineate(signal, Rate, []).Beats);
        Assert.Throws<ArgumentException>(() => WaveletDelineator.Delineate(signal, Rate, [500, 400]));
        Assert.Throws<ArgumentException>(() => WaveletDelineator.Delineate(signal, Rate, [1000]));
    }

    private static double PWaveShare(EcgRecord record)
    {
        var found = WaveletDelineator.Delineate(record, 0);
        return found.Beats.Count(beat => beat.HasPWave) / (double)found.Beats.Length;
    }
}
