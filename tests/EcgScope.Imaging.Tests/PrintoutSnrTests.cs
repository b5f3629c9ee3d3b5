using EcgScope.Core;
using EcgScope.Imaging.Evaluation;

namespace EcgScope.Imaging.Tests;

public sealed class PrintoutSnrTests
{
    private static readonly SamplingRate Rate = new(500);

    [Fact]
    public void A_copy_ten_percent_too_tall_scores_twenty_decibels()
    {
        var reference = Ecg(2500);
        var digitized = reference.Select(value => 1.1 * value).ToArray();

        Assert.Equal(20, PrintoutSnr.Compute(reference, digitized), 9);
        Assert.Equal(double.PositiveInfinity, PrintoutSnr.Compute(reference, reference));
    }

    [Fact]
    public void Known_noise_gives_the_snr_of_its_power()
    {
        var reference = Ecg(5000);
        var random = new Random(5);
        var noise = reference.Select(_ => (random.NextDouble() - 0.5) * 0.2).ToArray();
        var expected = 10 * Math.Log10(reference.Sum(v => v * v) / noise.Sum(v => v * v));

        Assert.Equal(expected, PrintoutSnr.Compute(reference, [.. reference.Zip(noise, (r, n) => r + n)]), 9);
    }

    [Fact]
    public void Missing_reference_samples_are_left_out_and_missing_digitized_ones_count_as_zero()
    {
        double[] reference = [1, 1, double.NaN, 1];
        double[] digitized = [1, double.NaN, 5, 1];

        Assert.Equal(10 * Math.Log10(3), PrintoutSnr.Compute(reference, digitized), 12);
        Assert.True(double.IsNaN(PrintoutSnr.Compute([0, 0], [1, 1])));
    }

    [Fact]
    public void Alignment_finds_a_known_shift_and_level()
    {
        var reference = Ecg(5000);
        const int shift = 37;
        var digitized = Enumerable.Range(0, reference.Length).Select(n => n + shift < reference.Length ? reference[n + shift] - 0.3 : double.NaN).ToArray();

        var (snr, found) = PrintoutSnr.ComputeAligned(reference, digitized, Rate);

        Assert.Equal(shift, found);
        Assert.True(snr > 15, $"{snr} dB aligned");
        Assert.True(PrintoutSnr.Compute(reference, digitized) < 3);
    }

    [Fact]
    public void A_shift_beyond_the_search_is_not_found()
    {
        var reference = Ecg(5000);
        var digitized = reference.Skip(150).Concat(Enumerable.Repeat(0.0, 150)).ToArray();

        Assert.NotEqual(150, PrintoutSnr.ComputeAligned(reference, digitized, Rate, maxShiftSeconds: 0.2).ShiftSamples);
        Assert.Equal(150, PrintoutSnr.ComputeAligned(reference, digitized, Rate, maxShiftSeconds: 0.4).ShiftSamples);
    }

    [Fact]
    public void The_record_score_is_the_mean_ignoring_nan()
    {
        Assert.Equal(15, PrintoutSnr.Mean([10, double.NaN, 20]));
        Assert.True(double.IsNaN(PrintoutSnr.Mean([double.NaN])));
    }

    /// <summary>A crude ECG at 500 Hz: a sharp spike every 0.8 s on a slow wave.</summary>
    private static double[] Ecg(int length) =>
        [.. Enumerable.Range(0, length).Select(n => (0.2 * Math.Sin(2 * Math.PI * n / 400.0)) + Math.Exp(-Math.Pow((n % 400) - 200, 2) / 20))];
}
