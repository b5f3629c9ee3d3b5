using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Signal.Benchmarking;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests.Benchmarking;

public sealed class NoiseStressTestTests
{
    private static readonly SamplingRate Rate = new(100);

    [Fact]
    public void Qrs_amplitude_is_the_trimmed_mean_peak_to_peak_around_normal_beats()
    {
        // Beats every second; the QRS at each is a 3-sample spike of height 1 + beat/100, one ventricular beat of 10.
        var lead = new double[6000];
        var beats = new List<Annotation>();
        for (var b = 0; b < 59; b++)
        {
            var at = (b + 1) * 100;
            var ventricular = b == 30;
            lead[at] = ventricular ? 10 : 1 + (b / 100.0);
            beats.Add(new Annotation(at, ventricular ? AnnotationCode.PrematureVentricular : AnnotationCode.Normal));
        }

        var amplitude = SignalAmplitude.QrsPeakToPeak(lead, beats, Rate);

        // 58 normal beats: the lowest 2 and highest 2 are left out (58 / 20 = 2), the ventricular one never counts.
        var heights = Enumerable.Range(0, 59).Where(b => b != 30).Select(b => 1 + (b / 100.0)).Order().ToArray();
        Assert.Equal(heights[2..^2].Average(), amplitude, 12);
    }

    [Fact]
    public void Noise_amplitude_is_the_trimmed_mean_rms_of_one_second_windows_about_their_mean()
    {
        // A square wave of ±2 around an offset of 5: RMS 2 in every whole window.
        var noise = Enumerable.Range(0, 1000).Select(i => 5 + (i % 2 == 0 ? 2.0 : -2.0)).ToArray();

        Assert.Equal(2.0, SignalAmplitude.Rms(noise, Rate), 12);
        Assert.True(double.IsNaN(SignalAmplitude.Rms(noise.AsSpan(0, 50), Rate)));
    }

    [Fact]
    public void The_snr_sets_the_noise_to_qrs_ratio_as_nst_does()
    {
        // nst: RMS noise / peak-to-peak signal = 10^(-SNR/20) · √2 / 4.
        Assert.Equal(Math.Sqrt(2) / 4, NoiseStressTest.NoiseToSignalRatio(0), 12);
        Assert.Equal(Math.Sqrt(2) / 4 / Math.Pow(10, 0.6), NoiseStressTest.NoiseToSignalRatio(12), 12);
    }

    [Fact]
    public void Noise_is_added_after_five_minutes_in_alternating_two_minute_segments_without_jumps()
    {
        var clean = EcgFile.Read(TestData.File("mitdb", "100.hea"));
        var noise = EcgFile.Read(TestData.File("nstdb-noise", "ma.hea"));

        var noisy = NoiseStressTest.AddNoise(clean, noise, 6, "ma");

        Assert.Equal(clean.Annotations, noisy.Annotations);
        Assert.Contains(noisy.Metadata.Comments, c => c.StartsWith("noise stress test: ma added at 6 dB", StringComparison.Ordinal));
        for (var lead = 0; lead < 2; lead++)
        {
            var gain = ExpectedGain(clean, noise, lead, 6);
            var before = clean.Leads[lead].Span;
            var after = noisy.Leads[lead].Span;
            var added = noise.Leads[lead].Span;
            for (var t = 1; t < before.Length; t++)
            {
                // Sample to sample the output moves as the clean signal plus the noise at the current gain: at a
                // switch, too, since the offset nst applies there keeps the output continuous.
                var g = NoiseStressTest.IsNoisy(t, clean.SamplingRate) ? gain : 0;
                var expected = before[t] - before[t - 1] + (g * (added[t] - added[t - 1]));
                var step = after[t] - after[t - 1];
                Assert.True(Math.Abs(step - expected) < 1e-9, $"lead {lead}, sample {t}: step {step}, expected {expected}");
            }

            Assert.Equal(before[..(300 * 360)].ToArray(), after[..(300 * 360)].ToArray());
        }

        Assert.False(NoiseStressTest.IsNoisy((300 * 360) - 1, clean.SamplingRate));
        Assert.True(NoiseStressTest.IsNoisy(300 * 360, clean.SamplingRate));
        Assert.False(NoiseStressTest.IsNoisy(420 * 360, clean.SamplingRate));
        Assert.True(NoiseStressTest.IsNoisy(540 * 360, clean.SamplingRate));
    }

    [Fact]
    public void A_record_without_normal_beats_cannot_be_given_an_snr()
    {
        var clean = new EcgRecord([EcgLead.FromOwnedArray("I", new double[40_000])], Rate);
        var noise = new EcgRecord([EcgLead.FromOwnedArray("n", [.. Enumerable.Range(0, 40_000).Select(i => Math.Sin(i))])], Rate);

        var error = Assert.Throws<ArgumentException>(() => NoiseStressTest.AddNoise(clean, noise, 6, "sine"));
        Assert.Contains("no normal beat", error.Message, StringComparison.Ordinal);
    }

    private static double ExpectedGain(EcgRecord clean, EcgRecord noise, int lead, double snr) =>
        NoiseStressTest.NoiseToSignalRatio(snr)
        * SignalAmplitude.QrsPeakToPeak(clean.Leads[lead].Span, clean.Annotations, clean.SamplingRate)
        / SignalAmplitude.Rms(noise.Leads[lead].Span, clean.SamplingRate);
}
