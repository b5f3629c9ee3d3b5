using EcgScope.Core;
using EcgScope.Signal.Delineation;

namespace EcgScope.Signal.Tests.Delineation;

public sealed class DelineationScorerTests
{
    private static readonly SamplingRate Rate = new(500);

    [Fact]
    public void Reads_ludb_waves_as_onset_peak_offset_triples()
    {
        var reference = DelineationReference.FromWaveAnnotations(
        [
            new(100, AnnotationCode.WaveformOnset), new(130, AnnotationCode.PWave), new(160, AnnotationCode.WaveformOffset),
            new(200, AnnotationCode.WaveformOnset), new(220, AnnotationCode.Normal), new(245, AnnotationCode.WaveformOffset),
            new(330, AnnotationCode.WaveformOnset), new(400, AnnotationCode.TWave), new(460, AnnotationCode.WaveformOffset),
            new(700, AnnotationCode.PWave),
        ]);

        Assert.Equal([100], reference.Points(Fiducial.POnset).ToArray());
        Assert.Equal([130, 700], reference.Points(Fiducial.PPeak).ToArray());
        Assert.Equal([200], reference.Points(Fiducial.QrsOnset).ToArray());
        Assert.Equal([245], reference.Points(Fiducial.QrsOffset).ToArray());
        Assert.Equal([330], reference.Points(Fiducial.TOnset).ToArray());
        Assert.Equal([460], reference.Points(Fiducial.TOffset).ToArray());
        Assert.Equal((100, 700), (reference.FirstAnnotated, reference.LastAnnotated));
    }

    [Fact]
    public void Groups_annotated_waves_into_beats_each_p_before_and_t_after_its_own_qrs()
    {
        var reference = DelineationReference.FromWaveAnnotations(
        [
            new(100, AnnotationCode.WaveformOnset), new(130, AnnotationCode.PWave), new(160, AnnotationCode.WaveformOffset),
            new(200, AnnotationCode.WaveformOnset), new(220, AnnotationCode.Normal), new(245, AnnotationCode.WaveformOffset),
            new(330, AnnotationCode.WaveformOnset), new(400, AnnotationCode.TWave), new(460, AnnotationCode.WaveformOffset),
            new(600, AnnotationCode.WaveformOnset), new(620, AnnotationCode.Normal), new(645, AnnotationCode.WaveformOffset),
        ]);

        var beats = reference.Beats(Rate).Beats;

        Assert.Equal(
            [new BeatDelineation(220, 100, 130, 160, 200, 245, 330, 400, 460), new BeatDelineation(620, null, null, null, 600, 645, null, null, null)],
            beats);
    }

    [Fact]
    public void Scores_matches_within_150_ms_and_their_timing_error_in_milliseconds()
    {
        var reference = DelineationReference.FromWaveAnnotations(
        [
            new(1000, AnnotationCode.WaveformOnset), new(1100, AnnotationCode.TWave), new(1200, AnnotationCode.WaveformOffset),
            new(2000, AnnotationCode.WaveformOnset), new(2100, AnnotationCode.TWave), new(2200, AnnotationCode.WaveformOffset),
        ]);
        var found = new LeadDelineation(Rate,
        [
            new BeatDelineation(900, null, null, null, null, null, 1005, 1110, 1190),
            new BeatDelineation(1900, null, null, null, null, null, null, 2190, null),
        ]);
        var scorer = new DelineationScorer();

        scorer.Add(found, reference);

        var tPeak = scorer.Scores().Single(score => score.Fiducial == Fiducial.TPeak);
        Assert.Equal((1, 1, 1), (tPeak.Counts.TruePositives, tPeak.Counts.FalsePositives, tPeak.Counts.FalseNegatives));
        Assert.Equal(20, tPeak.MeanErrorMilliseconds, 9);
        var tOffset = scorer.Scores().Single(score => score.Fiducial == Fiducial.TOffset);
        Assert.Equal(-20, tOffset.MeanErrorMilliseconds, 9);
        Assert.Equal(1, tOffset.Counts.FalseNegatives);
    }
}
