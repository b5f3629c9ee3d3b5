using EcgScope.Core;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Synthesis;
using static EcgScope.Signal.Tests.SignalHelpers;

namespace EcgScope.Signal.Tests;

public class HrvTests
{
    private static readonly SamplingRate Rate = new(1000);

    [Fact]
    public void Constant_rr_gives_zero_variability()
    {
        var report = HrvAnalysis.FromRPeaks(PeaksFromRr(Enumerable.Repeat(800.0, 400), 1000), Rate);

        var time = report.TimeDomain.Value!;
        Assert.Equal(800, time.MeanNnMs, 9);
        Assert.Equal(0, time.SdnnMs, 9);
        Assert.Equal(0, time.RmssdMs, 9);
        Assert.Equal(0, time.Pnn50Percent);
        Assert.Equal(75, time.MeanHeartRateBpm, 9);
        Assert.Equal(1, time.TriangularIndex, 9); // every interval in one bin: N / N
        Assert.Equal(0, report.Poincare.Value!.Sd1Ms, 9);
        Assert.False(report.FrequencyDomain.IsAvailable);
        Assert.Contains("do not vary", report.FrequencyDomain.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Alternating_rr_gives_the_hand_computed_values()
    {
        // 900, 1000, 900, ... (101 intervals): every successive difference is ±100 ms.
        var rr = Enumerable.Range(0, 101).Select(i => i % 2 == 0 ? 900.0 : 1000.0).ToArray();

        var report = HrvAnalysis.Analyze(NnIntervals.FromRrMilliseconds(rr));

        var time = report.TimeDomain.Value!;
        Assert.Equal(0, report.Intervals.RejectedCount);
        Assert.Equal(100, time.RmssdMs, 9);
        Assert.Equal(100 * Math.Sqrt(100.0 / 99), time.SdsdMs, 9); // mean difference 0, n − 1 = 99
        Assert.Equal(100, time.Pnn50Percent);
        var mean = ((51 * 900) + (50 * 1000)) / 101.0;
        var sdnn = Math.Sqrt(((51 * (900 - mean) * (900 - mean)) + (50 * (1000 - mean) * (1000 - mean))) / 100);
        Assert.Equal(mean, time.MeanNnMs, 9);
        Assert.Equal(sdnn, time.SdnnMs, 9);
        Assert.Equal(time.SdsdMs / Math.Sqrt(2), report.Poincare.Value!.Sd1Ms, 9);
    }

    [Fact]
    public void A_small_series_matches_values_computed_by_hand()
    {
        // Mean 800; deviations 0, 10, −10, 5, −5 → SDNN = √(250/4); differences 10, −20, 15, −10 → RMSSD = √(825/4).
        var time = HrvTimeDomain.Compute(NnIntervals.FromRrMilliseconds([800, 810, 790, 805, 795])).Value!;

        Assert.Equal(Math.Sqrt(62.5), time.SdnnMs, 9);
        Assert.Equal(Math.Sqrt(206.25), time.RmssdMs, 9);
        Assert.Equal(800, time.MedianNnMs);
        Assert.Equal(790, time.MinNnMs);
        Assert.Equal(810, time.MaxNnMs);
        Assert.Equal(0, time.Pnn20Percent); // |−20| is not above 20
        Assert.Equal(Math.Sqrt(62.5) / 800, time.CvNn, 12);
    }

    [Theory]
    [InlineData(0.25, false)]
    [InlineData(0.1, true)]
    public void Sinusoidal_rr_modulation_puts_its_power_in_the_right_band(double modulationHz, bool lowFrequency)
    {
        // RR = 800 + 50·sin(2π f t): variance 50²/2 = 1250 ms², all of it at f.
        var rr = new List<double>();
        for (var t = 0.0; t < 300;)
        {
            rr.Add(800 + (50 * Math.Sin(2 * Math.PI * modulationHz * t)));
            t += rr[^1] / 1000;
        }

        var frequency = HrvFrequencyDomain.Compute(NnIntervals.FromRrMilliseconds([.. rr])).Value!;

        var (dominant, other) = lowFrequency ? (frequency.LfMs2, frequency.HfMs2) : (frequency.HfMs2, frequency.LfMs2);
        Assert.InRange(dominant, 1250 * 0.9, 1250 * 1.1);
        Assert.True(other < dominant / 50, $"other band {other} ms²");
        Assert.InRange(lowFrequency ? frequency.LfPeakHz : frequency.HfPeakHz, modulationHz - 0.005, modulationHz + 0.005);
        Assert.Equal(lowFrequency ? frequency.LfNu : frequency.HfNu, 100 * dominant / (dominant + other), 9);
        Assert.NotNull(frequency.VlfMs2); // 300 s is enough for VLF
    }

    [Fact]
    public void Recordings_shorter_than_two_minutes_get_no_frequency_measures_and_say_why()
    {
        var rr = Enumerable.Range(0, 100).Select(i => 800 + (30 * Math.Sin(i))).ToArray(); // 80 s

        var report = HrvAnalysis.Analyze(NnIntervals.FromRrMilliseconds(rr));

        Assert.True(report.TimeDomain.IsAvailable);
        Assert.Null(report.FrequencyDomain.Value);
        Assert.Contains("120 s", report.FrequencyDomain.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains("80", report.FrequencyDomain.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Vlf_is_withheld_below_five_minutes()
    {
        var rr = Enumerable.Range(0, 200).Select(i => 800 + (30 * Math.Sin(i))).ToArray(); // 160 s

        var frequency = HrvFrequencyDomain.Compute(NnIntervals.FromRrMilliseconds(rr)).Value!;

        Assert.Null(frequency.VlfMs2);
        Assert.True(frequency.LfMs2 > 0 && frequency.HfMs2 > 0);
    }

    [Fact]
    public void A_premature_beat_and_its_compensatory_pause_are_rejected_without_touching_neighbours()
    {
        var rr = Enumerable.Repeat(800.0, 60).ToArray();
        rr[30] = 500;  // premature
        rr[31] = 1100; // compensatory pause
        rr[45] = 2600; // missed beats: implausible

        var intervals = NnIntervals.FromRrMilliseconds(rr);
        var time = HrvTimeDomain.Compute(intervals).Value!;

        Assert.Equal(3, intervals.RejectedCount);
        Assert.False(intervals.IsNormal[30] || intervals.IsNormal[31] || intervals.IsNormal[45]);
        Assert.True(intervals.IsNormal[29] && intervals.IsNormal[32]);
        Assert.Equal(0, time.RmssdMs, 9); // no difference across a rejected interval
        Assert.Equal(57, time.NnCount);
        Assert.Equal(59 - 5, time.SuccessiveDifferenceCount); // pairs touching 30, 31 (three) and 45 (two) dropped
    }

    [Fact]
    public void Too_few_intervals_give_a_reason_not_numbers()
    {
        var report = HrvAnalysis.FromRPeaks([100, 900], Rate);

        Assert.False(report.TimeDomain.IsAvailable);
        Assert.Contains("at least 3", report.TimeDomain.UnavailableReason, StringComparison.Ordinal);
        Assert.False(report.Poincare.IsAvailable);
    }

    [Fact]
    public void Heart_rate_from_r_peaks()
    {
        int[] peaks = [100, 388, 676, 964, 1324]; // 0.8, 0.8, 0.8, 1.0 s at 360 Hz
        var summary = HeartRate.FromRPeaks(peaks, new SamplingRate(360))!;

        Assert.Equal(60 / 0.85, summary.MeanBpm, 9);
        Assert.Equal(75, summary.MedianBpm, 9);
        Assert.Equal(60, summary.MinBpm, 9);
        Assert.Equal(75, summary.MaxBpm, 9);
        Assert.Equal(5, summary.BeatCount);
        Assert.Equal(4, summary.Instantaneous.Length);
        Assert.Equal(1324 / 360.0, summary.Instantaneous[^1].TimeSeconds, 12);
        Assert.Null(HeartRate.FromRPeaks([5], new SamplingRate(360)));
        Assert.Throws<ArgumentException>(() => HeartRate.FromRPeaks([5, 5], new SamplingRate(360)));
        Assert.Throws<ArgumentException>(() => HrvAnalysis.FromRPeaks([9, 3, 20], Rate));
    }

    [Fact]
    public void Synthetic_ecg_hrv_follows_the_generator_settings()
    {
        var generated = SyntheticEcg.Generate(new SyntheticEcgOptions
        {
            DurationSeconds = 600, HeartRateBpm = 60, HeartRateStdBpm = 3, LfHfRatio = 0.5, SamplingRate = new SamplingRate(500),
        });

        var report = HrvAnalysis.FromRPeaks(generated.RPeaks.AsSpan(), generated.Record.SamplingRate);

        var time = report.TimeDomain.Value!;
        var frequency = report.FrequencyDomain.Value!;
        Assert.InRange(time.MeanHeartRateBpm, 58, 62);
        Assert.InRange(time.SdnnMs, 25, 75); // 3 bpm spread at 60 bpm ≈ 50 ms
        Assert.InRange(frequency.LfHfRatio, 0.25, 1.0);
        Assert.InRange(frequency.HfPeakHz, 0.22, 0.28);
    }
}
