using EcgScope.Signal.Analysis;
using EcgScope.Signal.Quality;
using EcgScope.Signal.Synthesis;
using FsCheck;
using FsCheck.Fluent;

namespace EcgScope.Signal.Tests;

/// <summary>The demo records, measured by the library's own analysis.</summary>
public class DemoEcgTests
{
    [Theory]
    [InlineData(DemoRhythm.NormalSinus, null)]
    [InlineData(DemoRhythm.NormalSinus, 60.0)]
    [InlineData(DemoRhythm.NormalSinus, 100.0)]
    [InlineData(DemoRhythm.Tachycardia, null)]
    [InlineData(DemoRhythm.Tachycardia, 170.0)]
    [InlineData(DemoRhythm.Bradycardia, null)]
    [InlineData(DemoRhythm.Bradycardia, 42.0)]
    public void Sinus_rhythms_are_measured_regular_at_the_rate_asked_and_of_usable_quality(DemoRhythm rhythm, double? bpm)
    {
        var asked = bpm ?? DemoEcg.HeartRateRange(rhythm).DefaultBpm;

        var summary = Analyze(DemoEcg.Generate(rhythm, bpm, durationSeconds: 60, seed: 3));

        Assert.InRange(summary.ConsensusHeartRateBpm!.Value, asked - 3, asked + 3);
        Assert.Equal(RhythmRegularity.Regular, summary.Regularity);
        Assert.NotEqual(QualityVerdict.Unacceptable, summary.WorstVerdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(50.0)]
    [InlineData(150.0)]
    public void Atrial_fibrillation_is_measured_irregular_near_the_rate_asked_and_of_usable_quality(double? bpm)
    {
        var asked = bpm ?? DemoEcg.HeartRateRange(DemoRhythm.AtrialFibrillation).DefaultBpm;

        var summary = Analyze(DemoEcg.Generate(DemoRhythm.AtrialFibrillation, bpm, durationSeconds: 60, seed: 3));

        // The median rate of independent intervals (CV 0.2) lies a few percent above the rate of their mean.
        Assert.InRange(summary.ConsensusHeartRateBpm!.Value, asked * 0.95, asked * 1.1);
        Assert.Equal(RhythmRegularity.Irregular, summary.Regularity);
        Assert.NotEqual(QualityVerdict.Unacceptable, summary.WorstVerdict);
    }

    [Fact]
    public void Atrial_fibrillation_has_no_p_wave_in_its_median_beat()
    {
        // Same rate for both, so the P wave would sit at the same place: 0.25 s to 0.06 s before the R-peak.
        var sinus = PrQrsSpanMillivolts(DemoRhythm.NormalSinus);
        var fibrillation = PrQrsSpanMillivolts(DemoRhythm.AtrialFibrillation);

        Assert.True(sinus > 0.1, $"sinus P wave spans {sinus:0.000} mV");
        Assert.True(fibrillation < sinus / 5, $"AF spans {fibrillation:0.000} mV before the QRS, sinus {sinus:0.000} mV");
    }

    [Fact]
    public void Noisy_demos_are_judged_unacceptable_for_any_seed_and_length()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, 10_000)), Arb.From(Gen.Choose(10, 120)), (seed, seconds) =>
        {
            var summary = Analyze(DemoEcg.Generate(DemoRhythm.Noisy, durationSeconds: seconds, seed: seed));
            return summary.WorstVerdict == QualityVerdict.Unacceptable;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    [Fact]
    public void Sinus_demos_are_measured_at_the_rate_asked_for_any_rate_length_and_seed()
    {
        var demos = from rhythm in Gen.Elements(DemoRhythm.NormalSinus, DemoRhythm.Tachycardia, DemoRhythm.Bradycardia)
                    let range = DemoEcg.HeartRateRange(rhythm)
                    from bpm in Gen.Choose((int)range.LowestBpm, (int)range.HighestBpm)
                    from seconds in Gen.Choose(10, 120)
                    from seed in Gen.Choose(0, 10_000)
                    select (rhythm, bpm, seconds, seed);
        var property = Prop.ForAll(Arb.From(demos), demo =>
        {
            var summary = Analyze(DemoEcg.Generate(demo.rhythm, demo.bpm, demo.seconds, demo.seed));
            return Math.Abs(summary.ConsensusHeartRateBpm!.Value - demo.bpm) <= 3
                && summary.Regularity == RhythmRegularity.Regular
                && summary.WorstVerdict != QualityVerdict.Unacceptable;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    [Fact]
    public void A_demo_is_one_synthetic_lead_of_the_asked_length_and_the_same_seed_gives_the_same_samples()
    {
        foreach (var rhythm in Enum.GetValues<DemoRhythm>())
        {
            var record = DemoEcg.Generate(rhythm, durationSeconds: 12.5, seed: 7);
            var again = DemoEcg.Generate(rhythm, durationSeconds: 12.5, seed: 7);
            var other = DemoEcg.Generate(rhythm, durationSeconds: 12.5, seed: 8);

            Assert.Equal(DemoEcg.LeadName, Assert.Single(record.Leads).Name);
            Assert.Equal(500, record.SamplingRate.Hertz);
            Assert.Equal(6250, record.SampleCount);
            Assert.Equal(DemoEcg.SourceFormat, record.Metadata.SourceFormat);
            Assert.Equal(rhythm.ToString(), record.Metadata.Properties["rhythm"]);
            Assert.Equal(record.Leads[0].SamplesMillivolts, again.Leads[0].SamplesMillivolts);
            Assert.NotEqual(record.Leads[0].SamplesMillivolts, other.Leads[0].SamplesMillivolts);
        }
    }

    [Theory]
    [InlineData(DemoRhythm.NormalSinus, 59.0)]
    [InlineData(DemoRhythm.NormalSinus, 101.0)]
    [InlineData(DemoRhythm.Tachycardia, 100.0)]
    [InlineData(DemoRhythm.Tachycardia, 171.0)]
    [InlineData(DemoRhythm.Bradycardia, 60.0)]
    [InlineData(DemoRhythm.Bradycardia, 41.0)]
    [InlineData(DemoRhythm.AtrialFibrillation, 160.0)]
    [InlineData(DemoRhythm.Noisy, double.NaN)]
    public void A_heart_rate_outside_the_rhythms_range_is_refused_with_the_range(DemoRhythm rhythm, double bpm)
    {
        var range = DemoEcg.HeartRateRange(rhythm);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoEcg.Generate(rhythm, bpm));

        Assert.Equal("heartRateBpm", error.ParamName);
        Assert.Contains($"{range.LowestBpm}–{range.HighestBpm} bpm", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9.9)]
    [InlineData(300.5)]
    [InlineData(double.PositiveInfinity)]
    public void A_length_outside_10_to_300_s_is_refused(double seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoEcg.Generate(DemoRhythm.NormalSinus, durationSeconds: seconds));

        Assert.Equal("durationSeconds", error.ParamName);
        Assert.Contains("10–300 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_rhythm_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoEcg.Generate((DemoRhythm)42));
    }

    private static RecordSummary Analyze(EcgScope.Core.EcgRecord record) =>
        EcgAnalysis.Analyze(record, cancellationToken: TestContext.Current.CancellationToken).Summary;

    /// <summary>Peak-to-peak of the median beat from 0.25 s to 0.06 s before the R-peak, where the P wave is.</summary>
    private static double PrQrsSpanMillivolts(DemoRhythm rhythm)
    {
        var record = DemoEcg.Generate(rhythm, 70, durationSeconds: 60, seed: 5);
        var template = EcgAnalysis.Analyze(record, cancellationToken: TestContext.Current.CancellationToken).Leads[0].Template!;
        var rate = record.SamplingRate;
        var before = template.MedianBeat.AsSpan(0, rate.SamplesIn(0.25) - rate.SamplesIn(0.06));
        return before.ToArray().Max() - before.ToArray().Min();
    }
}
