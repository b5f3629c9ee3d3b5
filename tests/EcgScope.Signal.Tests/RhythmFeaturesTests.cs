using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Signal.Features;
using EcgScope.Signal.Synthesis;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests;

public sealed class RhythmFeaturesTests
{
    private static readonly SamplingRate Rate = new(300);

    [Fact]
    public void Names_are_distinct_and_match_the_vector()
    {
        var record = SyntheticEcg.Generate(new SyntheticEcgOptions { SamplingRate = Rate, DurationSeconds = 30 }).Record;

        Assert.Equal(RhythmFeatures.Names.Length, RhythmFeatures.Names.Distinct().Count());
        Assert.Equal(RhythmFeatures.Names.Length, RhythmFeatures.Compute(record).Length);
    }

    [Fact]
    public void A_synthetic_sinus_rhythm_is_regular_with_alike_beats()
    {
        var ecg = SyntheticEcg.Generate(new SyntheticEcgOptions { SamplingRate = Rate, DurationSeconds = 30, HeartRateBpm = 75, HeartRateStdBpm = 1 });

        var features = Named(RhythmFeatures.Compute(ecg.Record));

        Assert.InRange(features["heartRateBpm"], 72, 78);
        Assert.Equal(ecg.RPeaks.Length, features["beatCount"], 1.0);
        Assert.InRange(features["rrCv"], 0, 0.05);
        Assert.InRange(features["beatCorrelationMean"], 0.95, 1);
        Assert.Equal(0, features["lowCorrelationBeatShare"]);
        Assert.InRange(features["pWaveCorrelationMean"], 0.8, 1);
        Assert.InRange(features["qrsWidthMs"], 40, 140);
        Assert.InRange(features["tWaveRelative"], 0.05, 1);     // ECGSYN's T wave is upright
        Assert.InRange(features["stLevelRelative"], -0.15, 0.15);
        Assert.InRange(features["heartRateWindowMaxBpm"] - features["heartRateWindowMinBpm"], 0, 10);
        Assert.Equal(30, features["durationSeconds"], 3);
        Assert.All(RhythmFeatures.Names.Where(name => name != "sampleEntropy" && name != "cosen"), name => Assert.True(double.IsFinite(features[name]), name));
    }

    [Fact]
    public void Alternating_intervals_are_measured_as_by_hand()
    {
        // RR 800, 1000, 800, …: every successive difference is ±200 ms and every inner interval a turning point.
        var rr = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 800.0 : 1000.0);
        var peaks = SignalHelpers.PeaksFromRr(rr, Rate.Hertz);
        var output = new double[RrIrregularity.Names.Length];

        RrIrregularity.Measure(peaks, Rate.Hertz, output);
        var features = RrIrregularity.Names.Zip(output).ToDictionary(pair => pair.First, pair => pair.Second);

        Assert.Equal(21, features["beatCount"]);
        Assert.Equal(900, features["rrMeanMs"], 6);
        Assert.Equal(200, features["rmssdMs"], 6);
        Assert.Equal(1, features["pnn50"]);
        Assert.Equal(0.8, features["rrMinMaxRatio"], 6);
        Assert.Equal(1.5, features["turningPointRatio"], 6);     // 18 turns over (2·20 − 4)/3
        Assert.Equal(2.0 / 18, features["lorenzOccupiedCellShare"], 6); // (200, −200) and (−200, 200)
        Assert.Equal(0, features["lorenzOriginShare"]);
        Assert.Equal(0, features["sampleEntropy"], 9);          // a periodic series is fully predictable
        Assert.Equal(features["rrCvWindowMin"], features["rrCvWindowMax"], 9);
        Assert.Equal(60_000 / 900.0, features["heartRateWindowMaxBpm"], 6);
        // SD1 = SD(ΔRR)/√2; the 19 differences are ten +200 and nine −200 ms: variance (19·200² − 200²/19)/18.
        Assert.Equal(Math.Sqrt(((19 * 200.0 * 200) - (200.0 * 200 / 19)) / 18) / Math.Sqrt(2), features["sd1Ms"], 9);
    }

    [Fact]
    public void Turning_points_and_entropy_of_simple_series()
    {
        Assert.Equal(0, RrIrregularity.TurningPointRatio([1, 2, 3, 4, 5]));
        Assert.True(double.IsNaN(RrIrregularity.TurningPointRatio([1, 2])));
        Assert.True(double.IsNaN(RrIrregularity.SampleEntropy([1, 2, 3, 4, 5, 6], 0.1))); // no template matches another
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("one second")]
    [InlineData("flat")]
    [InlineData("all missing")]
    [InlineData("noise")]
    [InlineData("gaps")]
    [InlineData("huge")]
    public void Bad_leads_give_NaN_features_not_exceptions(string kind)
    {
        var random = new Random(3);
        var samples = kind switch
        {
            "empty" => [],
            "one second" => Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray(),
            "flat" => Enumerable.Repeat(0.2, 9000).ToArray(),
            "all missing" => Enumerable.Repeat(double.NaN, 9000).ToArray(),
            "noise" => Enumerable.Range(0, 9000).Select(_ => random.NextDouble() - 0.5).ToArray(),
            "gaps" => Enumerable.Range(0, 9000).Select(i => i % 1000 < 300 ? double.NaN : Math.Sin(i / 10.0)).ToArray(),
            _ => Enumerable.Range(0, 9000).Select(i => i % 300 == 0 ? 1e12 : 0).ToArray(),
        };

        var features = Named(RhythmFeatures.Compute(SignalHelpers.Record(Rate.Hertz, samples)));

        Assert.Equal(samples.Length / Rate.Hertz, features["durationSeconds"], 9);
        Assert.DoesNotContain(RhythmFeatures.Names, name => double.IsInfinity(features[name]));
        if (kind is "empty" or "one second" or "all missing" or "flat")
        {
            Assert.True(double.IsNaN(features["heartRateBpm"]));
        }
    }

    [Fact]
    public void Slowly_sampled_leads_get_only_their_duration()
    {
        var features = Named(RhythmFeatures.Compute(SignalHelpers.Record(50, SignalHelpers.Sine(500, 1, 50))));

        Assert.Equal(10, features["durationSeconds"], 9);
        Assert.Single(RhythmFeatures.Names, name => !double.IsNaN(features[name]));
    }

    [Fact]
    public void An_af_record_is_more_irregular_and_has_less_p_wave_than_a_normal_one()
    {
        // CinC 2017 A00001 is labelled Normal, A00004 AF.
        var normal = Named(RhythmFeatures.Compute(EcgFile.Read(TestData.File("cinc2017", "training2017", "A00001.hea"))));
        var af = Named(RhythmFeatures.Compute(EcgFile.Read(TestData.File("cinc2017", "training2017", "A00004.hea"))));

        Assert.True(af["rrCv"] > 2 * normal["rrCv"], $"rrCv AF {af["rrCv"]}, normal {normal["rrCv"]}");
        Assert.True(af["lorenzOccupiedCellShare"] > normal["lorenzOccupiedCellShare"]);
        Assert.True(af["pWaveCorrelationMean"] < normal["pWaveCorrelationMean"], $"P correlation AF {af["pWaveCorrelationMean"]}, normal {normal["pWaveCorrelationMean"]}");
    }

    private static Dictionary<string, double> Named(double[] features) =>
        RhythmFeatures.Names.Zip(features).ToDictionary(pair => pair.First, pair => pair.Second);
}
