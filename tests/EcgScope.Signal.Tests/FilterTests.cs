using EcgScope.Core;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Synthesis;
using static EcgScope.Signal.Tests.SignalHelpers;

namespace EcgScope.Signal.Tests;

public class FilterTests
{
    private static readonly SamplingRate Rate360 = new(360);

    [Fact]
    public void Finds_a_missing_sample_wherever_it_is()
    {
        foreach (var missing in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            for (var length = 1; length <= 11; length++)
            {
                var samples = Enumerable.Range(0, length).Select(i => (double)i).ToArray();
                Assert.False(NanGaps.Any(samples));
                for (var at = 0; at < length; at++)
                {
                    var gappy = (double[])samples.Clone();
                    gappy[at] = missing;
                    Assert.True(NanGaps.Any(gappy), $"{missing} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Second_order_low_pass_matches_scipy_butter_2_0_2()
    {
        // scipy.signal.butter(2, 0.2): cutoff 0.2 of Nyquist, i.e. 0.2 Hz at 2 Hz.
        var filter = Butterworth.LowPass(2, 0.2, new SamplingRate(2));

        var section = Assert.Single(filter.Sections);
        Assert.Equal(0.0674553, section.B0, 7);
        Assert.Equal(0.1349105, section.B1, 7);
        Assert.Equal(0.0674553, section.B2, 7);
        Assert.Equal(-1.1429805, section.A1, 7);
        Assert.Equal(0.4128016, section.A2, 7);
    }

    [Fact]
    public void Fourth_order_low_pass_cascade_multiplies_out_to_scipy_butter_4_0_2()
    {
        var filter = Butterworth.LowPass(4, 0.2, new SamplingRate(2));

        var b = Polynomial(filter.Sections.Select(s => (s.B0, s.B1, s.B2)));
        var a = Polynomial(filter.Sections.Select(s => (1.0, s.A1, s.A2)));
        double[] expectedB = [0.00482434, 0.01929737, 0.02894606, 0.01929737, 0.00482434];
        double[] expectedA = [1, -2.36951301, 2.31398841, -1.05466541, 0.18737949];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expectedB[i], b[i], 7);
            Assert.Equal(expectedA[i], a[i], 7);
        }
    }

    public static TheoryData<int> Orders => [1, 2, 3, 4, 5, 8];

    [Theory]
    [MemberData(nameof(Orders))]
    public void Magnitude_follows_the_butterworth_formula_for_all_four_types(int order)
    {
        // With pre-warping, the digital response is the analog one at Ω = tan(π f / fs): exact, so 1e-9 tolerance.
        static double Warp(double hz) => Math.Tan(Math.PI * hz / 360);
        double[] frequencies = [0.1, 0.5, 1, 5, 10, 15, 20, 30, 40, 49.9, 50.1, 60, 100, 150, 179];
        var lowPass = Butterworth.LowPass(order, 40, Rate360);
        var highPass = Butterworth.HighPass(order, 0.5, Rate360);
        var bandPass = Butterworth.BandPass(order, 5, 15, Rate360);
        var bandStop = Butterworth.BandStop(order, 45, 55, Rate360);
        var (w1, w2) = (Warp(5), Warp(15));
        var (s1, s2) = (Warp(45), Warp(55));
        foreach (var f in frequencies)
        {
            var w = Warp(f);
            Assert.Equal(Butter(w / Warp(40)), lowPass.Magnitude(f), 9);
            Assert.Equal(Butter(Warp(0.5) / w), highPass.Magnitude(f), 9);
            Assert.Equal(Butter(((w * w) - (w1 * w2)) / ((w2 - w1) * w)), bandPass.Magnitude(f), 9);
            Assert.Equal(Butter((s2 - s1) * w / ((w * w) - (s1 * s2))), bandStop.Magnitude(f), 9);
        }

        double Butter(double x) => 1 / Math.Sqrt(1 + Math.Pow(x * x, order));
    }

    [Fact]
    public void Cutoffs_are_minus_3_dB_passband_is_flat_and_stopband_attenuates()
    {
        var bandPass = Butterworth.BandPass(4, 0.5, 40, Rate360);
        Assert.Equal(1 / Math.Sqrt(2), bandPass.Magnitude(0.5), 6);
        Assert.Equal(1 / Math.Sqrt(2), bandPass.Magnitude(40), 6);
        Assert.InRange(bandPass.Magnitude(10), 0.999, 1.0000001);
        Assert.True(20 * Math.Log10(bandPass.Magnitude(100)) < -35, "an octave and a bit above 40 Hz, order 4: below −35 dB");
        Assert.True(20 * Math.Log10(bandPass.Magnitude(0.05)) < -70, "a decade below 0.5 Hz, order 4: below −70 dB");
    }

    [Fact]
    public void Causal_cascade_gives_the_impulse_response_of_the_direct_form_difference_equation()
    {
        var filter = Butterworth.LowPass(4, 0.2, new SamplingRate(2));
        double[] b = [0.00482434, 0.01929737, 0.02894606, 0.01929737, 0.00482434];
        double[] a = [1, -2.36951301, 2.31398841, -1.05466541, 0.18737949];
        var impulse = new double[50];
        impulse[0] = 1;
        var output = new double[50];

        filter.Filter(impulse, output);

        var expected = new double[50];
        for (var n = 0; n < 50; n++)
        {
            expected[n] = (n < 5 ? b[n] : 0) - Enumerable.Range(1, Math.Min(4, n)).Sum(k => a[k] * expected[n - k]);
            Assert.Equal(expected[n], output[n], 6);
        }
    }

    [Fact]
    public void Zero_phase_filtering_keeps_a_symmetric_pulse_peak_in_place()
    {
        var pulse = new double[2000];
        for (var i = 0; i < pulse.Length; i++)
        {
            pulse[i] = Math.Exp(-Math.Pow((i - 1234) / 15.0, 2));
        }

        var filter = Butterworth.BandPass(4, 0.5, 10, Rate360);
        var output = new double[pulse.Length];
        filter.FiltFilt(pulse, output);

        Assert.Equal(1234, Array.IndexOf(output, output.Max()));
        var causal = new double[pulse.Length];
        filter.Filter(pulse, causal);
        Assert.True(Array.IndexOf(causal, causal.Max()) > 1234 + 5, "the causal filter delays the peak; filtfilt must not");
    }

    [Fact]
    public void Zero_phase_passes_an_in_band_sine_with_zero_phase_and_squared_gain()
    {
        var sine = Sine(7200, 10, 360, amplitude: 1);
        var filter = Butterworth.BandPass(2, 0.5, 40, Rate360);
        var output = new double[sine.Length];

        filter.FiltFilt(sine, output);

        // Away from the edges, where the 0.5 Hz high-pass part still settles for a few seconds.
        var gain = filter.Magnitude(10) * filter.Magnitude(10);
        for (var i = 1800; i < sine.Length - 1800; i++)
        {
            Assert.True(Math.Abs((sine[i] * gain) - output[i]) < 1e-3, $"sample {i}: {output[i]} vs {sine[i] * gain}");
        }
    }

    [Fact]
    public void Steady_state_initial_conditions_keep_a_dc_offset_from_ringing_at_the_edges()
    {
        // Filtering is linear and the initial state scales with the first sample, so a 1 mV offset must add exactly
        // nothing to the high-passed output, edges included; zero initial state would add a decaying 1 mV step.
        var sine = Sine(3600, 5, 360, amplitude: 0.5);
        var withOffset = sine.Select(x => x + 1).ToArray();
        var filter = Butterworth.HighPass(2, 0.5, Rate360);
        var expected = new double[sine.Length];
        var output = new double[sine.Length];

        filter.FiltFilt(sine, expected);
        filter.FiltFilt(withOffset, output);

        for (var i = 0; i < sine.Length; i++)
        {
            Assert.True(Math.Abs(output[i] - expected[i]) < 1e-9, $"sample {i}: {output[i]} vs {expected[i]}");
        }

        var constant = Enumerable.Repeat(2.5, 500).ToArray();
        Butterworth.LowPass(4, 40, Rate360).FiltFilt(constant, constant);
        Assert.All(constant, x => Assert.Equal(2.5, x, 9));
    }

    [Fact]
    public void Notch_removes_50_Hz_mains_from_a_synthetic_ecg_and_leaves_the_ecg()
    {
        var clean = SyntheticEcg.Generate(new SyntheticEcgOptions { DurationSeconds = 20, HeartRateBpm = 70 }).Record;
        var mains = Sine(clean.SampleCount, 50, 360, amplitude: 0.3);
        var noisy = Record(360, [.. clean.Leads[0].Span.ToArray().Zip(mains, (e, m) => e + m)]);

        var notched = EcgFilters.Notch(noisy, 50).Leads[0].Span;
        var reference = EcgFilters.Notch(clean, 50).Leads[0].Span;

        var residual = AmplitudeAt(notched, 50, 360);
        Assert.True(residual < 0.003, $"50 Hz residual {residual} mV of 0.3 mV (under 1 %)");
        var change = new double[notched.Length];
        for (var i = 0; i < change.Length; i++)
        {
            change[i] = clean.Leads[0].Span[i] - notched[i];
        }

        Assert.True(Rms(change) < 0.02, $"ECG changed by {Rms(change)} mV RMS");
        // Away from the first and last second, where the notch's own transient (time constant ≈ 0.2 s) decays.
        var mainsLeft = Rms(Subtract(notched, reference).AsSpan(360, notched.Length - 720));
        Assert.True(mainsLeft < 0.003, $"notched noisy vs notched clean differ by {mainsLeft} mV RMS");
    }

    [Fact]
    public void Notch_with_harmonics_removes_60_and_120_Hz()
    {
        var signal = Sine(7200, 60, 360, 1).Zip(Sine(7200, 120, 360, 0.5), (a, b) => a + b).ToArray();
        var filter = Notch.Design(60, Rate360, harmonics: 3); // 180 Hz is Nyquist: skipped
        Assert.Equal(2, filter.Sections.Length);
        var output = new double[signal.Length];

        filter.FiltFilt(signal, output);

        Assert.True(Rms(output.AsSpan(720, 5760)) < 0.01);
        Assert.InRange(Notch.Design(50, Rate360, quality: 25).Magnitude(51), 0.69, 0.72); // −3 dB about 1 Hz off centre
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(180)]
    [InlineData(200)]
    [InlineData(double.NaN)]
    public void Cutoffs_outside_zero_to_nyquist_are_rejected(double cutoff)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Butterworth.LowPass(4, cutoff, Rate360));
        Assert.Contains("Nyquist", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => EcgFilters.HighPass(Record(360, new double[100]), cutoff));
        Assert.Throws<ArgumentOutOfRangeException>(() => Notch.Design(cutoff, Rate360));
    }

    [Fact]
    public void Bad_band_and_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Butterworth.BandPass(4, 40, 0.5, Rate360));
        Assert.Throws<ArgumentOutOfRangeException>(() => Butterworth.LowPass(0, 40, Rate360));
        Assert.Throws<ArgumentOutOfRangeException>(() => Butterworth.LowPass(Butterworth.MaxOrder + 1, 40, Rate360));
        Assert.Throws<ArgumentOutOfRangeException>(() => Notch.Design(50, Rate360, quality: 0));
        var filter = Butterworth.LowPass(2, 40, Rate360);
        Assert.Throws<ArgumentException>(() => EcgFilters.ZeroPhase(Record(500, new double[10]), filter));
    }

    [Fact]
    public void Missing_samples_stay_missing_and_do_not_spread()
    {
        var signal = Sine(3600, 5, 360);
        for (var i = 1000; i < 1100; i++)
        {
            signal[i] = double.NaN;
        }

        var record = Record(360, signal) with { Annotations = [new Annotation(42, AnnotationCode.Normal)] };
        var filtered = EcgFilters.BandPass(record, 0.5, 40);

        var samples = filtered.Leads[0].Span;
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(i is >= 1000 and < 1100, double.IsNaN(samples[i]));
        }

        Assert.Equal(record.Annotations, filtered.Annotations);
        Assert.Equal("L1", filtered.Leads[0].Name);
        Assert.All(EcgFilters.LowPass(Record(360, [double.NaN, double.NaN, double.NaN]), 40).Leads[0].Span.ToArray(), x => Assert.True(double.IsNaN(x)));
    }

    [Fact]
    public void Very_short_signals_are_filtered_without_error()
    {
        var filter = Butterworth.BandPass(4, 0.5, 40, Rate360);
        double[] one = [3.0];
        double[] five = [1, 2, 3, 2, 1];
        filter.FiltFilt(one, one);
        filter.FiltFilt(five, five);
        Assert.Equal(3.0, one[0]);
        Assert.All(five, x => Assert.True(double.IsFinite(x)));
    }

    private static double[] Subtract(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = a[i] - b[i];
        }

        return result;
    }
}
