using EcgScope.Core;
using EcgScope.Signal.Resampling;
using static EcgScope.Signal.Tests.SignalHelpers;

namespace EcgScope.Signal.Tests;

public class ResamplingTests
{
    [Theory]
    [InlineData(360, 500, 25, 18)]
    [InlineData(512, 300, 75, 128)]
    [InlineData(500, 100, 1, 5)]
    [InlineData(250, 500, 2, 1)]
    [InlineData(1000, 1000, 1, 1)]
    public void Integer_rate_pairs_give_exact_ratios_in_lowest_terms(double from, double to, int up, int down)
    {
        Assert.Equal(new RationalRatio(up, down), RationalRatio.Approximate(to / from));
    }

    [Fact]
    public void Non_integer_rates_get_a_close_bounded_approximation()
    {
        var ratio = RationalRatio.Approximate(300 / 512.508);

        Assert.InRange(ratio.Up, 1, RationalRatio.MaxTerm);
        Assert.InRange(ratio.Down, 1, RationalRatio.MaxTerm);
        Assert.True(Math.Abs((ratio.Value / (300 / 512.508)) - 1) < 1e-6, $"{ratio} is {ratio.Value}");
    }

    [Theory]
    [InlineData(360, 500, 40)]
    [InlineData(512, 300, 40)]
    [InlineData(500, 100, 20)]
    [InlineData(512.508, 300, 30)]
    [InlineData(128, 360, 50)]
    public void A_sine_below_the_lower_nyquist_keeps_its_amplitude_within_one_percent(double from, double to, double toneHz)
    {
        var input = Sine(20 * (int)from, toneHz, from, amplitude: 1.5);
        var record = Record(from, input);

        var output = Resampler.Resample(record, new SamplingRate(to)).Leads[0].Span;

        var expected = Sine(output.Length, toneHz, to, amplitude: 1.5);
        var middle = (int)to * 2;
        var error = new double[output.Length - (2 * middle)];
        for (var i = 0; i < error.Length; i++)
        {
            error[i] = output[middle + i] - expected[middle + i];
        }

        var amplitude = AmplitudeAt(output.Slice(middle, error.Length), toneHz, to);
        Assert.True(Math.Abs(amplitude - 1.5) / 1.5 < 0.01, $"amplitude {amplitude}");
        Assert.True(Rms(error) / 1.5 < 0.01, $"waveform error {Rms(error)} (also checks there is no delay)");
    }

    [Theory]
    [InlineData(500, 100, 65)]
    [InlineData(360, 250, 160)]
    [InlineData(512, 300, 200)]
    public void A_tone_above_the_new_nyquist_is_attenuated_by_more_than_70_dB(double from, double to, double toneHz)
    {
        var input = Sine(20 * (int)from, toneHz, from, amplitude: 1);

        var output = Resampler.Resample(Record(from, input), new SamplingRate(to)).Leads[0].Span;

        var level = 20 * Math.Log10(Rms(output.Slice((int)to, output.Length - (2 * (int)to))) * Math.Sqrt(2));
        Assert.True(level < -70, $"alias at {level:0.0} dB");
    }

    [Theory]
    [InlineData(650_000, 360, 500)]
    [InlineData(1001, 512, 300)]
    [InlineData(7, 500, 100)]
    [InlineData(1, 360, 500)]
    public void Output_length_is_the_ceiling_of_n_times_up_over_down(int n, double from, double to)
    {
        var resampler = new PolyphaseResampler(RationalRatio.Approximate(to / from));

        var output = resampler.Resample(new double[n]);

        Assert.Equal((int)Math.Ceiling(n * to / from), output.Length);
    }

    [Fact]
    public void A_constant_signal_stays_constant_up_to_the_edges()
    {
        var output = Resampler.Resample(Record(360, Enumerable.Repeat(-0.7, 3600).ToArray()), new SamplingRate(500)).Leads[0].Span.ToArray();

        // Each polyphase branch has a DC gain within the filter's stopband ripple (≈ 1e-4) of the ideal.
        Assert.All(output, x => Assert.True(Math.Abs(x + 0.7) < 0.7e-4, $"{x}"));
    }

    [Fact]
    public void Record_resampling_moves_annotations_keeps_metadata_and_marks_gaps()
    {
        var samples = Sine(3600, 5, 360);
        samples[1800] = double.NaN;
        var record = Record(360, samples, Sine(3600, 3, 360)) with
        {
            Annotations = [new Annotation(360, AnnotationCode.Normal), new Annotation(1800, AnnotationCode.PrematureVentricular)],
            Metadata = new EcgMetadata { Device = "test" },
        };

        var resampled = Resampler.Resample(record, new SamplingRate(500));

        Assert.Equal(new SamplingRate(500), resampled.SamplingRate);
        Assert.Equal(5000, resampled.SampleCount);
        Assert.Equal([500, 2500], resampled.Annotations.Select(a => a.SampleIndex));
        Assert.Equal("test", resampled.Metadata.Device);
        Assert.Equal(["L1", "L2"], resampled.LeadNames);
        Assert.True(double.IsNaN(resampled.Leads[0].Span[2500]));
        Assert.Equal(1, resampled.Leads[0].Span.ToArray().Count(double.IsNaN));
        Assert.Same(record, Resampler.Resample(record, new SamplingRate(360)));
    }
}
