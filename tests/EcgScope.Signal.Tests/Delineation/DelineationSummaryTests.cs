using EcgScope.Core;
using EcgScope.Signal.Delineation;

namespace EcgScope.Signal.Tests.Delineation;

public sealed class DelineationSummaryTests
{
    private static readonly SamplingRate Rate = new(500);

    [Fact]
    public void An_upright_t_wave_with_an_isoelectric_st_segment()
    {
        var summary = Summarize(out _, _ => { });

        Assert.Equal(0.35, summary.TAmplitudeMillivolts!.Value, 0.03);
        Assert.False(summary.TWaveInverted);
        Assert.Equal(0, summary.StDeviationMillivolts!.Value, 0.02);
    }

    [Fact]
    public void An_inverted_t_wave_and_st_elevation_between_j_and_the_t_wave()
    {
        var summary = Summarize(out var beats, signal =>
        {
            for (var i = 0; i < signal.Length; i++)
            {
                signal[i] = -signal[i];
            }
        }, stElevation: 0.2);

        Assert.True(summary.TWaveInverted);
        Assert.True(summary.TAmplitudeMillivolts < -0.1, $"{summary}");
        Assert.Equal(0.2, summary.StDeviationMillivolts!.Value, 0.03);
        Assert.NotEmpty(beats);
    }

    [Fact]
    public void A_lead_without_delineated_beats_has_no_measures()
    {
        var summary = DelineationSummary.Measure("V1", new double[100], new LeadDelineation(Rate, []));

        Assert.Equal(new DelineationSummary("V1", null, null, null), summary);
    }

    private static DelineationSummary Summarize(out List<BeatDelineation> beats, Action<double[]> shape, double stElevation = 0)
    {
        beats = KnownBeats.Build(Rate, beatCount: 8, out var signal);
        shape(signal);
        foreach (var beat in beats)
        {
            for (var i = beat.QrsOffset!.Value; i < beat.TOffset!.Value; i++)
            {
                signal[i] += stElevation;
            }
        }

        var delineation = WaveletDelineator.Delineate(signal, Rate, [.. beats.Select(beat => beat.RPeak)]);
        return DelineationSummary.Measure("II", signal, delineation);
    }
}
