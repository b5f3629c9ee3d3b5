using EcgScope.Core;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Tests.Detection;

public sealed class DetectorTests
{
    public static TheoryData<string, double> DetectorsAndRates()
    {
        var data = new TheoryData<string, double>();
        foreach (var name in new[] { "pantompkins1985", "robust-envelope" })
        {
            foreach (var hertz in new[] { 250.0, 360.0, 500.0, 1000.0 })
            {
                data.Add(name, hertz);
            }
        }

        return data;
    }

    public static TheoryData<string> Detectors() => ["pantompkins1985", "robust-envelope"];

    internal static IRPeakDetector Create(string name) => name switch
    {
        "pantompkins1985" => new PanTompkins1985Detector(),
        "robust-envelope" => new RobustEnvelopeDetector(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(DetectorsAndRates))]
    public void Finds_every_synthetic_beat_on_its_R_wave(string name, double hertz)
    {
        var rate = new SamplingRate(hertz);
        var (signal, peaks) = SyntheticEcg.Generate(rate, seconds: 60);
        var detector = Create(name);

        var found = detector.Detect(signal, rate);

        Assert.Equal(name, detector.Name);
        Assert.Equal(peaks.Length, found.Length);
        var tolerance = (int)Math.Ceiling(0.005 * hertz);
        Assert.All(peaks.Zip(found), pair => Assert.InRange(pair.Second, pair.First - tolerance, pair.First + tolerance));
    }

    [Theory]
    [MemberData(nameof(DetectorsAndRates))]
    public void Finds_inverted_QRS_complexes_at_their_nadir(string name, double hertz)
    {
        var rate = new SamplingRate(hertz);
        var (signal, peaks) = SyntheticEcg.Generate(rate, seconds: 60, seed: 2);
        var inverted = signal.Select(v => -v).ToArray();

        var found = Create(name).Detect(inverted, rate);

        Assert.Equal(peaks.Length, found.Length);
        var tolerance = (int)Math.Ceiling(0.005 * hertz);
        Assert.All(peaks.Zip(found), pair => Assert.InRange(pair.Second, pair.First - tolerance, pair.First + tolerance));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Follows_a_fast_then_slow_rhythm(string name)
    {
        var rate = new SamplingRate(360);
        var (fast, fastPeaks) = SyntheticEcg.Generate(rate, seconds: 30, meanRrSeconds: 0.4, seed: 3);
        var (slow, slowPeaks) = SyntheticEcg.Generate(rate, seconds: 30, meanRrSeconds: 1.4, seed: 4);
        var signal = fast.Concat(slow).ToArray();
        var peaks = fastPeaks.Concat(slowPeaks.Select(p => p + fast.Length)).ToArray();

        var score = QrsScorer.Score(peaks, Create(name).Detect(signal, rate), rate);

        Assert.Equal(new DetectionScore(peaks.Length, 0, 0), score);
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void A_flat_line_has_no_beats(string name)
    {
        var rate = new SamplingRate(360);

        Assert.Empty(Create(name).Detect(new double[3600], rate));
        Assert.Empty(Create(name).Detect(Enumerable.Repeat(1.5, 3600).ToArray(), rate));
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Short_and_empty_signals_do_not_fail(string name)
    {
        var rate = new SamplingRate(360);
        var (signal, _) = SyntheticEcg.Generate(rate, seconds: 0.9);
        var detector = Create(name);

        foreach (var length in new[] { 0, 1, 2, 10, 100, signal.Length })
        {
            var found = detector.Detect(signal.AsSpan(0, length), rate);
            Assert.All(found, index => Assert.InRange(index, 0, length - 1));
        }
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Missing_samples_are_bridged(string name)
    {
        var rate = new SamplingRate(360);
        var (signal, peaks) = SyntheticEcg.Generate(rate, seconds: 60, seed: 5);
        Array.Fill(signal, double.NaN, 7200, 360); // one second missing, two beats in it
        var lost = peaks.Count(p => p is >= 7200 and < 7560);

        var found = Create(name).Detect(signal, rate);

        var score = QrsScorer.Score(peaks, found, rate);
        Assert.True(score.FalseNegatives <= lost + 1, $"{score}");
        Assert.True(score.FalsePositives <= 1, $"{score}");
        Assert.Equal(found.Order().Distinct(), found);
    }

    [Fact]
    public void Detects_on_a_named_or_numbered_lead_of_a_record()
    {
        var rate = new SamplingRate(500);
        var (signal, peaks) = SyntheticEcg.Generate(rate, seconds: 20);
        var record = new EcgRecord([EcgLead.FromOwnedArray("I", new double[signal.Length]), EcgLead.FromOwnedArray("II", signal)], rate);
        var detector = new RobustEnvelopeDetector();

        Assert.Equal(peaks.Length, detector.Detect(record, "ii").Length);
        Assert.Equal(peaks.Length, detector.Detect(record, 1).Length);
        Assert.Throws<ArgumentException>(() => detector.Detect(record, "V1"));
    }
}
