using EcgScope.Core;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Detection;
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
    public void A_flat_lead_gives_no_beats_and_says_so()
    {
        var flat = new EcgRecord([EcgLead.FromOwnedArray("I", new double[5000])], new SamplingRate(500));

        var lead = Assert.Single(EcgAnalysis.Analyze(flat, cancellationToken: TestContext.Current.CancellationToken).Leads);

        Assert.Empty(lead.RPeaks);
        Assert.Null(lead.HeartRate);
        Assert.Null(lead.Template);
        Assert.False(lead.Hrv.TimeDomain.IsAvailable);
        Assert.Equal(Quality.QualityVerdict.Unacceptable, lead.Quality.Verdict);
    }
}
