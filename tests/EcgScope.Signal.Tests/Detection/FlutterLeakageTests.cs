using EcgScope.Core;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Tests.Detection;

public sealed class FlutterLeakageTests
{
    [Fact]
    public void A_flutter_like_sine_leaks_little_and_a_QRS_train_leaks_much()
    {
        const double hertz = 360;
        var sine = Enumerable.Range(0, 1440).Select(i => (float)Math.Sin(2 * Math.PI * 4.5 * i / hertz)).ToArray();
        var (ecg, _) = SyntheticEcg.Generate(new SamplingRate(hertz), seconds: 4);

        Assert.InRange(FlutterLeakage.Leakage(sine), 0.0, 0.2);
        Assert.InRange(FlutterLeakage.Leakage(ecg.Select(v => (float)v).ToArray()), 0.6, 1.0);
    }

    [Fact]
    public void A_flat_window_has_no_period_and_is_not_flutter()
    {
        Assert.Equal(1.0, FlutterLeakage.Leakage(new float[1440]));
    }

    [Fact]
    public void The_robust_detector_ignores_a_flutter_episode_between_beats()
    {
        var rate = new SamplingRate(360);
        var (before, beforePeaks) = SyntheticEcg.Generate(rate, seconds: 20, seed: 7);
        var flutter = Enumerable.Range(0, 20 * 360).Select(i => 1.2 * Math.Sin(2 * Math.PI * 4.2 * i / 360)).ToArray();
        var (after, afterPeaks) = SyntheticEcg.Generate(rate, seconds: 20, seed: 8);
        var signal = before.Concat(flutter).Concat(after).ToArray();
        var peaks = beforePeaks.Concat(afterPeaks.Select(p => p + before.Length + flutter.Length)).ToArray();

        var score = QrsScorer.Score(peaks, new RobustEnvelopeDetector().Detect(signal, rate), rate);

        // Windows straddling the episode's edges may cost a beat or let a wave through; the 20 s of flutter (84 waves) may not.
        Assert.True(score.FalsePositives <= 4 && score.FalseNegatives <= 4, $"{score}");
    }
}
