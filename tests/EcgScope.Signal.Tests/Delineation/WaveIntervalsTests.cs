using EcgScope.Core;
using EcgScope.Signal.Delineation;

namespace EcgScope.Signal.Tests.Delineation;

public sealed class WaveIntervalsTests
{
    private static readonly SamplingRate Rate = new(500);

    [Fact]
    public void Intervals_are_the_medians_of_the_beats_and_qtc_corrects_by_the_preceding_rr()
    {
        // KnownBeats: P onset 180 ms before the QRS onset, QRS 90 ms, QT 420 ms, RR 900 ms.
        var beats = KnownBeats.Build(Rate, beatCount: 8, out _);

        var intervals = WaveIntervals.Measure(new LeadDelineation(Rate, [.. beats]));

        Assert.Equal(180, intervals.PrMilliseconds!.Value, 1e-9);
        Assert.Equal(90, intervals.QrsMilliseconds!.Value, 1e-9);
        Assert.Equal(420, intervals.QtMilliseconds!.Value, 1e-9);
        Assert.Equal(420 / Math.Sqrt(0.9), intervals.QtcBazettMilliseconds!.Value, 1e-9);
        Assert.Equal(420 / Math.Cbrt(0.9), intervals.QtcFridericiaMilliseconds!.Value, 1e-9);
    }

    [Fact]
    public void Without_p_waves_in_most_beats_there_is_no_pr_interval()
    {
        var beats = KnownBeats.Build(Rate, beatCount: 8, out _)
            .Select((beat, i) => i % 3 == 0 ? beat : beat with { POnset = null, PPeak = null, POffset = null });

        var intervals = WaveIntervals.Measure(new LeadDelineation(Rate, [.. beats]));

        Assert.Null(intervals.PrMilliseconds);
        Assert.NotNull(intervals.QtMilliseconds);
    }

    [Fact]
    public void Fewer_than_three_beats_give_no_intervals()
    {
        var beats = KnownBeats.Build(Rate, beatCount: 2, out _);

        Assert.Equal(WaveIntervals.None, WaveIntervals.Measure(new LeadDelineation(Rate, [.. beats])));
    }

    [Fact]
    public void The_delineator_measures_known_beats_close_to_their_true_intervals()
    {
        var beats = KnownBeats.Build(Rate, beatCount: 8, out var signal);

        var measured = LeadWaveMeasures.Measure("II", signal, Rate, [.. beats.Select(beat => beat.RPeak)]);

        Assert.Null(measured.NotMeasuredReason);
        Assert.Equal(8, measured.DelineatedBeats);
        Assert.InRange(measured.Intervals.PrMilliseconds!.Value, 160, 200);
        Assert.InRange(measured.Intervals.QrsMilliseconds!.Value, 70, 110);
        Assert.InRange(measured.Intervals.QtMilliseconds!.Value, 390, 450);
        Assert.False(measured.Repolarisation.TWaveInverted);
    }

    [Fact]
    public void Two_r_peaks_are_too_few_to_measure_and_say_so()
    {
        var measured = LeadWaveMeasures.Measure("II", new double[2000], Rate, [400, 900]);

        Assert.Equal("2 R-peaks; waves are measured over at least 3 beats", measured.NotMeasuredReason);
        Assert.Equal(WaveIntervals.None, measured.Intervals);
        Assert.Null(measured.Repolarisation.TAmplitudeMillivolts);
    }
}
