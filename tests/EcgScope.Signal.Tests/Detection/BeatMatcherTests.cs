using EcgScope.Core;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Tests.Detection;

public sealed class BeatMatcherTests
{
    private static readonly SamplingRate Rate360 = new(360);

    [Fact]
    public void Two_detections_near_one_beat_are_one_true_and_one_false_positive()
    {
        var score = QrsScorer.Score([1000], [995, 1010], Rate360);

        Assert.Equal(new DetectionScore(1, 1, 0), score);
    }

    [Fact]
    public void The_nearest_detection_gets_the_beat()
    {
        var matching = BeatMatcher.Match([1000], [960, 1003], 54);

        Assert.Equal(1, matching.DetectionOfReference[0]);
        Assert.Equal(-1, matching.ReferenceOfDetection[0]);
    }

    [Fact]
    public void A_detection_between_two_beats_matches_only_the_nearer_one()
    {
        var score = QrsScorer.Score([1000, 1100], [1060], Rate360);

        Assert.Equal(new DetectionScore(1, 0, 1), score);
    }

    [Theory]
    [InlineData(54, true)] // exactly 150 ms at 360 Hz
    [InlineData(-54, true)]
    [InlineData(55, false)]
    [InlineData(-55, false)]
    public void The_tolerance_boundary_is_inclusive(int offset, bool matches)
    {
        var score = QrsScorer.Score([10_000], [10_000 + offset], Rate360);

        Assert.Equal(matches ? new DetectionScore(1, 0, 0) : new DetectionScore(0, 1, 1), score);
    }

    [Fact]
    public void Empty_inputs_score_without_error()
    {
        Assert.Equal(new DetectionScore(0, 0, 0), QrsScorer.Score([], [], Rate360));
        Assert.Equal(new DetectionScore(0, 0, 3), QrsScorer.Score([1, 500, 900], [], Rate360));
        Assert.Equal(new DetectionScore(0, 2, 0), QrsScorer.Score([], [1, 500], Rate360));
    }

    [Fact]
    public void A_span_without_reference_beats_has_no_score_rather_than_a_perfect_one()
    {
        var empty = QrsScorer.Score([], [], Rate360);
        Assert.False(empty.HasReference);
        Assert.True(double.IsNaN(empty.Sensitivity) && double.IsNaN(empty.PositivePredictivity) && double.IsNaN(empty.F1));

        var onlyFalse = QrsScorer.Score([], [1, 500], Rate360);
        Assert.True(double.IsNaN(onlyFalse.F1));
        Assert.Equal(0.0, onlyFalse.PositivePredictivity);
    }

    [Fact]
    public void Counting_within_a_span_leaves_out_both_edges()
    {
        var matching = BeatMatcher.Match([100, 1000, 2000, 3000], [100, 1000, 1500, 3000, 3500], 54);

        // Scored [500, 3000): the beat at 1000 and 2000 and the false detection at 1500 only.
        Assert.Equal(new DetectionScore(1, 1, 1), matching.Score(500, 3000));
    }

    [Fact]
    public void Counting_from_a_start_keeps_matches_made_across_it()
    {
        // The beat at 999 matched by a detection at 1010: before the start, so neither counts; the FP at 2000 counts.
        var matching = BeatMatcher.Match([999, 1500], [1010, 1500, 2000], 54);

        Assert.Equal(new DetectionScore(1, 1, 0), matching.Score(fromSample: 1000));
        Assert.Equal(new DetectionScore(2, 1, 0), matching.Score());
    }

    [Fact]
    public void Unsorted_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => BeatMatcher.Match([5, 1], [1], 10));
    }

    [Fact]
    public void Score_ratios_follow_their_definitions()
    {
        var score = new DetectionScore(TruePositives: 90, FalsePositives: 10, FalseNegatives: 30);

        Assert.Equal(0.75, score.Sensitivity, 12);
        Assert.Equal(0.9, score.PositivePredictivity, 12);
        Assert.Equal(180.0 / 220.0, score.F1, 12);
        Assert.Equal(new DetectionScore(91, 12, 33), score + new DetectionScore(1, 2, 3));
    }
}
