using EcgScope.Core;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Detection;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Quality;
using EcgScope.Signal.Spectral;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Signal.Tests.Analysis;

public sealed class EcgAnalysisTests
{
    private static readonly SyntheticEcgResult Synthetic = SyntheticEcg.Generate(new SyntheticEcgOptions
    {
        SamplingRate = new SamplingRate(500),
        DurationSeconds = 180,
        HeartRateBpm = 72,
        NoiseMillivolts = 0.01,
        BaselineWanderMillivolts = 0.1,
        MainsMillivolts = 0.05,
        Seed = 7,
    });

    [Fact]
    public void Finds_the_generated_beats_and_their_rate()
    {
        var result = EcgAnalysis.Analyze(Synthetic.Record, cancellationToken: TestContext.Current.CancellationToken);

        var lead = Assert.Single(result.Leads);
        var score = QrsScorer.Score([.. Synthetic.RPeaks], [.. lead.RPeaks], Synthetic.Record.SamplingRate);
        Assert.Equal(1.0, score.Sensitivity);
        Assert.Equal(1.0, score.PositivePredictivity);
        var expectedBpm = 60 / Synthetic.RrIntervalsSeconds.Average();
        Assert.Equal(expectedBpm, lead.HeartRate!.MeanBpm, 0.5);
        Assert.True(lead.Hrv.FrequencyDomain.IsAvailable, lead.Hrv.FrequencyDomain.UnavailableReason);
        Assert.True(lead.Template!.MeanCorrelation > 0.95);
    }

    [Fact]
    public void Three_or_more_leads_get_beats_fused_across_leads_that_a_spike_in_one_lead_cannot_add_to()
    {
        // Three copies of the synthetic lead; the third also carries a sharp 3 mV artifact every 2.1 s.
        var clean = Synthetic.Record.Leads[0].SamplesMillivolts.ToArray();
        var spiked = (double[])clean.Clone();
        for (var at = 700; at + 10 < spiked.Length; at += 1050)
        {
            for (var k = 0; k < 10; k++)
            {
                spiked[at + k] += 3.0;
            }
        }

        var record = new EcgRecord(
            [EcgLead.FromOwnedArray("A", (double[])clean.Clone()), EcgLead.FromOwnedArray("B", (double[])clean.Clone()), EcgLead.FromOwnedArray("C", spiked)],
            Synthetic.Record.SamplingRate);

        var result = EcgAnalysis.Analyze(record, cancellationToken: TestContext.Current.CancellationToken);
        var summary = result.Summary;

        Assert.True(result.Leads[2].RPeaks.Length > Synthetic.RPeaks.Length, "the artifacts should fool the detector on lead C alone");
        Assert.Equal(Synthetic.RPeaks.Length, summary.FusedBeatCount);
        Assert.Equal(60 / Synthetic.RrIntervalsSeconds.Average(), summary.FusedHeartRateBpm!.Value, 1.0);

        // Two leads are not fused: half of two is one, and fusion would be their union.
        var twoLeads = new EcgRecord([record.Leads[0], record.Leads[2]], record.SamplingRate);
        Assert.Null(EcgAnalysis.Analyze(twoLeads, cancellationToken: TestContext.Current.CancellationToken).Summary.FusedBeatCount);
    }

    [Fact]
    public void Cleaning_removes_baseline_wander_and_mains_without_moving_r_peaks()
    {
        var options = new EcgAnalysisOptions { MainsHz = 50 };

        var cleaned = EcgAnalysis.Clean(Synthetic.Record, options).Leads[0].Span;

        // Compare with the noise-free trace, itself band-passed the same way, away from the filter's edge transients.
        var clean = Synthetic.Record.WithLeads([EcgLead.FromOwnedArray("clean", [.. Synthetic.CleanMillivolts])], Synthetic.Record.SamplingRate);
        var reference = EcgAnalysis.Clean(clean, options).Leads[0].Span;
        var margin = Synthetic.Record.SamplingRate.SamplesIn(5);
        var squared = 0.0;
        for (var i = margin; i < cleaned.Length - margin; i++)
        {
            squared += (cleaned[i] - reference[i]) * (cleaned[i] - reference[i]);
        }

        var rmsMillivolts = Math.Sqrt(squared / (cleaned.Length - (2 * margin)));
        Assert.True(rmsMillivolts < 0.02, $"residual {rmsMillivolts:0.0000} mV RMS");
    }

    [Fact]
    public void Reports_progress_per_lead_and_honours_cancellation()
    {
        var twoLeads = Synthetic.Record.WithLeads(
            [Synthetic.Record.Leads[0], EcgLead.FromOwnedArray("copy", Synthetic.Record.Leads[0].Span.ToArray())],
            Synthetic.Record.SamplingRate);
        var reports = new List<WorkProgress>();

        var result = EcgAnalysis.Analyze(twoLeads, progress: new SynchronousProgress<WorkProgress>(reports.Add), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Leads.Length);
        Assert.Equal([0, 1, 2], reports.Select(r => r.Completed));
        Assert.Equal(1.0, reports[^1].Fraction);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => EcgAnalysis.Analyze(twoLeads, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void A_record_sampled_too_slowly_for_40_hz_is_still_cleaned()
    {
        var slow = SyntheticEcg.Generate(new SyntheticEcgOptions { SamplingRate = new SamplingRate(64), DurationSeconds = 20, Seed = 3 });

        var result = EcgAnalysis.Analyze(slow.Record, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(result.Cleaned.Leads[0].SamplesMillivolts, sample => Assert.True(double.IsFinite(sample)));
        Assert.InRange(result.Leads[0].RPeaks.Length, slow.RPeaks.Length - 1, slow.RPeaks.Length + 1);
    }

    [Fact]
    public void A_notch_at_or_above_nyquist_is_refused_not_skipped()
    {
        var slow = new EcgRecord([EcgLead.FromOwnedArray("I", new double[1000])], new SamplingRate(100));

        Assert.Throws<ArgumentOutOfRangeException>(() => EcgAnalysis.Analyze(slow, new EcgAnalysisOptions { MainsHz = 50 }, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(28.8, EcgAnalysis.CleaningFor(new SamplingRate(64), EcgAnalysisOptions.Default).LowPassHz, 9);
    }

    [Fact]
    public void Sinus_rhythm_gets_intervals_and_repolarisation_measures_atrial_fibrillation_no_pr()
    {
        var sinus = Assert.Single(EcgAnalysis.Analyze(DemoEcg.Generate(DemoRhythm.NormalSinus, durationSeconds: 30), cancellationToken: TestContext.Current.CancellationToken).Leads);
        var fibrillation = Assert.Single(EcgAnalysis.Analyze(DemoEcg.Generate(DemoRhythm.AtrialFibrillation, durationSeconds: 30), cancellationToken: TestContext.Current.CancellationToken).Leads);

        Assert.Null(sinus.Waves.NotMeasuredReason);
        Assert.InRange(sinus.Waves.Intervals.PrMilliseconds!.Value, 100, 250);
        // ECGSYN draws Q and S as Gaussians ±15° (about ±40 ms at 60 bpm) from R, a QRS of about 140 ms.
        Assert.InRange(sinus.Waves.Intervals.QrsMilliseconds!.Value, 50, 160);
        Assert.InRange(sinus.Waves.Intervals.QtMilliseconds!.Value, 300, 480);
        Assert.InRange(sinus.Waves.Intervals.QtcBazettMilliseconds!.Value, 330, 500);
        Assert.False(sinus.Waves.Repolarisation.TWaveInverted);
        Assert.Null(fibrillation.Waves.Intervals.PrMilliseconds);
        Assert.NotNull(fibrillation.Waves.Intervals.QtMilliseconds);
    }

    [Fact]
    public void A_flat_lead_gives_no_beats_and_says_so()
    {
        var flat = new EcgRecord([EcgLead.FromOwnedArray("I", new double[5000])], new SamplingRate(500));

        var lead = Assert.Single(EcgAnalysis.Analyze(flat, cancellationToken: TestContext.Current.CancellationToken).Leads);

        Assert.Empty(lead.RPeaks);
        Assert.Null(lead.HeartRate);
        Assert.Null(lead.Template);
        Assert.False(lead.Hrv.TimeDomain.IsAvailable);
        Assert.Equal(QualityVerdict.Unacceptable, lead.Quality.Verdict);
        Assert.Equal("signal quality unacceptable", lead.Waves.NotMeasuredReason);
        Assert.Equal(WaveIntervals.None, lead.Waves.Intervals);
    }

    [Fact]
    public void A_60_hz_notch_reaches_detection_quality_and_beats_as_the_pipeline_says()
    {
        var humming = SyntheticEcg.Generate(new SyntheticEcgOptions
        {
            SamplingRate = new SamplingRate(500),
            DurationSeconds = 60,
            HeartRateBpm = 70,
            NoiseMillivolts = 0.01,
            MainsMillivolts = 0.3,
            MainsHz = 60,
            QrsWidthScale = 0.6,
            Seed = 5,
        });
        var options = new EcgAnalysisOptions { MainsHz = 60 };

        var plain = EcgAnalysis.Analyze(humming.Record, cancellationToken: TestContext.Current.CancellationToken);
        var notched = EcgAnalysis.Analyze(humming.Record, options, cancellationToken: TestContext.Current.CancellationToken);

        // The pipeline names the notched lead as the input of detection and quality, and it is what they saw:
        // the hum drags the kurtosis of the raw lead below Zhao's threshold and the notch restores it.
        Assert.Equal("raw → 60 Hz notch → 0.5–40 Hz band-pass (zero-phase)", notched.Pipeline.Steps);
        Assert.All(notched.Pipeline.Measures.Where(m => m.Measure is "R-peaks" or "signal quality"), m => Assert.Equal(AnalysisInput.NotchedLead, m.Input));
        Assert.All(plain.Pipeline.Measures.Where(m => m.Measure is "R-peaks" or "signal quality"), m => Assert.Equal(AnalysisInput.RawLead, m.Input));
        var rawKurtosis = Kurtosis(plain);
        var notchedKurtosis = Kurtosis(notched);
        Assert.True(rawKurtosis < 5 && notchedKurtosis > 5, $"kSQI {rawKurtosis:0.00} without the notch, {notchedKurtosis:0.00} with it");
        Assert.NotEqual(plain.Leads[0].Quality.Verdict, notched.Leads[0].Quality.Verdict);

        // The cleaned record is exactly the notch then the band-pass, and holds less mains power than without the notch.
        var expected = EcgFilters.BandPass(EcgFilters.Notch(humming.Record, 60), 0.5, 40).Leads[0].Span.ToArray();
        Assert.Equal(expected, notched.Cleaned.Leads[0].Span.ToArray());
        var rate = humming.Record.SamplingRate;
        var withoutNotch = PowerSpectrum.Welch(plain.Cleaned.Leads[0].Span, rate).BandPower(59, 61);
        var withNotch = PowerSpectrum.Welch(notched.Cleaned.Leads[0].Span, rate).BandPower(59, 61);
        Assert.True(withNotch < withoutNotch / 100, $"60 Hz power {withNotch:E2} with the notch, {withoutNotch:E2} without");
    }

    [Fact]
    public void A_multi_lead_record_gets_one_summary_over_its_usable_leads()
    {
        var noise = new Random(3);
        var noisy = EcgLead.FromOwnedArray("noise", [.. Enumerable.Range(0, Synthetic.Record.SampleCount).Select(_ => noise.NextDouble() - 0.5)]);
        var record = Synthetic.Record.WithLeads(
            [Synthetic.Record.Leads[0], noisy, EcgLead.FromOwnedArray("copy", Synthetic.Record.Leads[0].Span.ToArray())],
            Synthetic.Record.SamplingRate);

        var summary = EcgAnalysis.Analyze(record, cancellationToken: TestContext.Current.CancellationToken).Summary;

        Assert.Equal(["noise"], summary.WorstLeads);
        Assert.Equal(QualityVerdict.Unacceptable, summary.WorstVerdict);
        Assert.DoesNotContain("noise", summary.HeartRateLeads);
        Assert.Equal(60 / Synthetic.RrIntervalsSeconds.Order().ElementAt(Synthetic.RrIntervalsSeconds.Length / 2), summary.ConsensusHeartRateBpm!.Value, 1.0);
        Assert.Equal(RhythmRegularity.Regular, summary.Regularity);
    }

    private static double Kurtosis(EcgAnalysisResult result) => result.Leads[0].Quality.Indices.Single(i => i.Name == "kSQI").Value;
}
