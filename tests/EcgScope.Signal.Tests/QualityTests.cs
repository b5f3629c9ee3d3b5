using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Signal.Detection;
using EcgScope.Signal.Quality;
using EcgScope.Signal.Synthesis;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests;

public class QualityTests
{
    private static readonly SamplingRate Rate = new(360);

    private static SyntheticEcgResult Clean(SyntheticEcgOptions? options = null) =>
        SyntheticEcg.Generate(options ?? new SyntheticEcgOptions { DurationSeconds = 30, HeartRateBpm = 70, NoiseMillivolts = 0.01 });

    private static LeadQuality Assess(double[] samples, ReadOnlySpan<int> peaks = default) => SignalQuality.Assess("II", samples, Rate, peaks);

    private static QualityIndex Index(LeadQuality quality, string name) => quality.Indices.Single(i => i.Name == name);

    [Fact]
    public void A_clean_synthetic_ecg_passes_every_index_but_the_qrs_band_ratio()
    {
        // ECGSYN's Gaussian QRS is smoother than a real one (R-wave σ ≈ 15 ms), so its 5–15 Hz share of 5–40 Hz
        // power is about 0.9 where real clean ECG gives 0.5–0.65 (MIT-BIH 100, 101, 103; see RealRecordTests).
        var ecg = Clean();

        var quality = SignalQuality.Assess(ecg.Record, ecg.RPeaks.AsSpan()).Single();

        Assert.Equal(9, quality.Indices.Length);
        Assert.All(quality.Indices.Where(i => i.Name != "pSQI"), i => Assert.True(i.Level == QualityLevel.Optimal, i.Explanation));
        Assert.InRange(Index(quality, "pSQI").Value, 0.8, 0.95);
        Assert.InRange(Index(quality, "templateSQI").Value, 0.99, 1);
    }

    [Theory]
    [InlineData(75)]
    [InlineData(100)]
    public void A_synthetic_ecg_with_a_realistically_narrow_qrs_is_excellent(double bpm)
    {
        // At 60 bpm it is not: the P and T waves' 1 Hz fundamental falls at the edge of basSQI's 0–1 Hz band (0.92).
        var ecg = Clean(new SyntheticEcgOptions { DurationSeconds = 30, HeartRateBpm = bpm, NoiseMillivolts = 0.01, QrsWidthScale = 0.6 });

        var quality = SignalQuality.Assess(ecg.Record, ecg.RPeaks.AsSpan()).Single();

        Assert.True(quality.Verdict == QualityVerdict.Excellent, string.Join("; ", quality.Reasons));
    }

    [Fact]
    public void White_noise_is_unacceptable_because_of_kurtosis_and_spectrum()
    {
        var random = new Random(7);
        var noise = Enumerable.Range(0, 36000).Select(_ => (random.NextDouble() - 0.5) + (random.NextDouble() - 0.5) + (random.NextDouble() - 0.5)).ToArray();

        var quality = Assess(noise);

        Assert.Equal(QualityVerdict.Unacceptable, quality.Verdict);
        Assert.Equal(QualityLevel.Unqualified, Index(quality, "kSQI").Level);
        Assert.InRange(Index(quality, "kSQI").Value, 2.5, 3.2);
        Assert.Equal(QualityLevel.Unqualified, Index(quality, "pSQI").Level);
        Assert.Contains(quality.Reasons, r => r.StartsWith("kSQI", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flat_line_is_unacceptable_for_being_flat()
    {
        var samples = Clean().Record.Leads[0].Span.ToArray();
        Array.Fill(samples, 0.12, 3600, 5400); // 15 s of a disconnected electrode

        var quality = Assess(samples);

        Assert.Equal(QualityVerdict.Unacceptable, quality.Verdict);
        Assert.Equal(QualityLevel.Unqualified, Index(quality, "flat").Level);
        Assert.InRange(Index(quality, "flat").Value, 0.49, 0.51);
        Assert.Contains(quality.Reasons, r => r.Contains("flat line", StringComparison.Ordinal));
        Assert.Equal(QualityVerdict.Unacceptable, Assess(new double[3600]).Verdict);
    }

    [Fact]
    public void A_clipped_ecg_is_unacceptable_for_clipping()
    {
        var samples = Clean().Record.Leads[0].Span.ToArray().Select(x => Math.Min(x * 2, 1.0)).ToArray();

        var quality = Assess(samples);

        Assert.Equal(QualityVerdict.Unacceptable, quality.Verdict);
        Assert.Equal(QualityLevel.Unqualified, Index(quality, "clipping").Level);
        Assert.Equal(QualityLevel.Optimal, Index(quality, "flat").Level);
        Assert.Contains(quality.Reasons, r => r.StartsWith("clipping", StringComparison.Ordinal));
    }

    [Fact]
    public void Heavy_baseline_wander_is_unqualified_for_basSQI()
    {
        var ecg = Clean(new SyntheticEcgOptions { DurationSeconds = 30, HeartRateBpm = 70, NoiseMillivolts = 0.01, BaselineWanderMillivolts = 1.5, BaselineWanderHz = 0.3 });

        var quality = Assess(ecg.Record.Leads[0].Span.ToArray());

        Assert.Equal(QualityLevel.Unqualified, Index(quality, "basSQI").Level);
        Assert.Contains(quality.Reasons, r => r.StartsWith("basSQI", StringComparison.Ordinal));
    }

    [Fact]
    public void R_peaks_at_the_wrong_places_fail_template_and_rhythm_checks()
    {
        var ecg = Clean();
        var wrongPeaks = Enumerable.Range(1, 20).Select(i => (i * 500) + 97).ToArray(); // 43 bpm, unrelated to the beats

        var quality = Assess(ecg.Record.Leads[0].Span.ToArray(), wrongPeaks);

        Assert.Equal(QualityLevel.Unqualified, Index(quality, "templateSQI").Level);
        var gap = Assess(ecg.Record.Leads[0].Span.ToArray(), [.. ecg.RPeaks.Where(p => p < 3000 || p > 5000)]);
        Assert.Equal(QualityLevel.Unqualified, Index(gap, "rhythm").Level);
    }

    [Fact]
    public void Short_or_missing_signals_are_unacceptable_with_the_reason()
    {
        var tooShort = Assess(new double[100]);
        Assert.Equal(QualityVerdict.Unacceptable, tooShort.Verdict);
        Assert.Contains("at least 2 s", Assert.Single(tooShort.Reasons), StringComparison.Ordinal);

        var samples = Clean().Record.Leads[0].Span.ToArray();
        Array.Fill(samples, double.NaN, 3000, 300); // 2.8 % missing
        var gappy = Assess(samples);
        Assert.Equal(QualityLevel.Suspicious, Index(gappy, "missing").Level);
        Assert.Equal(QualityVerdict.Unacceptable, Assess(Enumerable.Repeat(double.NaN, 1000).ToArray()).Verdict);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("103")]
    public void Missing_samples_at_the_edges_are_not_defects_but_a_dropout_inside_is(string name)
    {
        // The first 0.36 s of an Apple Watch PDF are undrawn (NaN); the same run inside the record is a dropout.
        var (lead, _, rate) = MitBih.Read(name);
        lead = lead[..rate.SamplesIn(60)];
        var run = rate.SamplesIn(0.36);
        var detector = new RobustEnvelopeDetector();
        var clean = SignalQuality.Assess("MLII", lead, rate, detector.Detect(lead, rate));
        Assert.Equal(QualityVerdict.Excellent, clean.Verdict);

        foreach (var edge in new[] { 0, lead.Length - run })
        {
            var edged = (double[])lead.Clone();
            Array.Fill(edged, double.NaN, edge, run);
            var quality = SignalQuality.Assess("MLII", edged, rate, detector.Detect(edged, rate));
            Assert.Equal(clean.Verdict, quality.Verdict);
            Assert.Equal(0, Index(quality, "missing").Value);
        }

        var inside = (double[])lead.Clone();
        Array.Fill(inside, double.NaN, lead.Length / 2, run);
        var dropout = SignalQuality.Assess("MLII", inside, rate, detector.Detect(inside, rate));
        Assert.Equal(QualityLevel.Suspicious, Index(dropout, "missing").Level);
        Assert.Equal(QualityVerdict.Acceptable, dropout.Verdict);
    }

    [Fact]
    public void Baseline_wander_alone_does_not_make_a_genuine_recording_unacceptable()
    {
        // A genuine Apple Watch export (Sinus Rhythm) whose raw lead carries strong baseline wander.
        var record = EcgFile.Read(TestData.File("apple-health", "ecg_2024-08-19.csv"));
        var peaks = RPeakDetectors.Default.Detect(record.Leads[0].Span, record.SamplingRate);

        var quality = SignalQuality.Assess(record, peaks).Single();

        Assert.Equal(QualityLevel.Unqualified, Index(quality, "basSQI").Level);
        Assert.All(quality.Indices.Where(i => i.Name != "basSQI"), index => Assert.NotEqual(QualityLevel.Unqualified, index.Level));
        Assert.Equal(QualityVerdict.Excellent, quality.Verdict); // Zhao: two optimal, none unqualified (basSQI counts as suspicious)
    }

    [Theory]
    [InlineData("UUO", QualityVerdict.Unacceptable)]
    [InlineData("USS", QualityVerdict.Unacceptable)]
    [InlineData("UOS", QualityVerdict.Acceptable)]
    [InlineData("UOO", QualityVerdict.Acceptable)]
    [InlineData("SSO", QualityVerdict.Acceptable)]
    [InlineData("SOO", QualityVerdict.Excellent)]
    [InlineData("OOO", QualityVerdict.Excellent)]
    public void Zhao_and_zhangs_fusion_rules_decide_from_the_three_levels(string levels, QualityVerdict expected)
    {
        // pSQI, kSQI, basSQI in that order (an unqualified basSQI would count as suspicious, so none is used here).
        string[] names = ["pSQI", "kSQI", "basSQI"];
        var indices = levels.Select((level, i) => Zhao(names[i], level)).ToArray();

        Assert.Equal(expected, SignalQuality.Judge("II", [.. indices]).Verdict);
    }

    [Fact]
    public void Orphanidou_and_defect_indices_cap_the_verdict()
    {
        QualityIndex[] excellent = [Zhao("pSQI", 'O'), Zhao("kSQI", 'O'), Zhao("basSQI", 'O')];
        var failedTemplate = new QualityIndex("templateSQI", 0.5, QualityLevel.Unqualified, "", QualityRuleSet.Orphanidou2015);
        var longRatio = new QualityIndex("rrRatio", 2.5, QualityLevel.Suspicious, "", QualityRuleSet.Orphanidou2015);
        var someMissing = new QualityIndex("missing", 0.01, QualityLevel.Suspicious, "", QualityRuleSet.RecordingDefects);

        Assert.Equal(QualityVerdict.Unacceptable, SignalQuality.Judge("II", [.. excellent, failedTemplate]).Verdict);
        Assert.Equal(QualityVerdict.Acceptable, SignalQuality.Judge("II", [.. excellent, longRatio]).Verdict);
        Assert.Equal(QualityVerdict.Acceptable, SignalQuality.Judge("II", [.. excellent, someMissing]).Verdict);
        Assert.Equal(QualityVerdict.Excellent, SignalQuality.Judge("II", [.. excellent]).Verdict);
    }

    [Fact]
    public void Above_130_bpm_the_psqi_bands_move_down()
    {
        var fast = Clean(new SyntheticEcgOptions { DurationSeconds = 30, HeartRateBpm = 150, NoiseMillivolts = 0.01 });

        var quality = SignalQuality.Assess(fast.Record, fast.RPeaks.AsSpan()).Single();

        Assert.Contains("optimal 40 %–70 %", Index(quality, "pSQI").Explanation, StringComparison.Ordinal);
        Assert.Contains("optimal 50 %–80 %", Index(Clean(), "pSQI").Explanation, StringComparison.Ordinal);
    }

    private static LeadQuality Assess(SyntheticEcgResult ecg) => SignalQuality.Assess(ecg.Record, ecg.RPeaks.AsSpan()).Single();

    private static QualityIndex Index(SyntheticEcgResult ecg, string name) => Index(Assess(ecg), name);

    private static QualityIndex Zhao(string name, char level) => new(
        name,
        0,
        level switch { 'O' => QualityLevel.Optimal, 'S' => QualityLevel.Suspicious, _ => QualityLevel.Unqualified },
        name,
        QualityRuleSet.Zhao2018);
}
