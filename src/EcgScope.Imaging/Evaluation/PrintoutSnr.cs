using EcgScope.Core;

namespace EcgScope.Imaging.Evaluation;

/// <summary>
/// How close a digitized lead is to the signal that was printed: the signal-to-noise ratio the George B. Moody
/// PhysioNet Challenge 2024 scores digitization with (helper_code.py, compute_snr), and the same after aligning the
/// two in time and level as the follow-up 2025 digitization challenge does before scoring.
/// </summary>
/// <remarks>
/// The 2024 rule: samples where the reference is not finite are left out; where the digitized signal is NaN it counts
/// as 0 mV; SNR = 10·log10(Σ reference² / Σ (digitized − reference)²) in dB; +∞ for a perfect copy and NaN for a
/// silent reference. A record's score is the mean over its leads, ignoring NaN.
/// </remarks>
public static class PrintoutSnr
{
    /// <summary>The 2025 challenge's largest time shift searched, in seconds.</summary>
    public const double DefaultMaxShiftSeconds = 0.2;

    /// <summary>The Challenge 2024 SNR of <paramref name="digitized"/> against <paramref name="reference"/>, unaligned, in dB.</summary>
    /// <exception cref="ArgumentException">The two differ in length.</exception>
    public static double Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> digitized)
    {
        if (reference.Length != digitized.Length)
        {
            throw new ArgumentException($"The signals must have the same length: {reference.Length} and {digitized.Length} samples.", nameof(digitized));
        }

        return Ratio(reference, digitized, 0, 0);
    }

    /// <summary>
    /// The SNR after the best alignment: <paramref name="digitized"/> shifted by up to <paramref name="maxShiftSeconds"/>
    /// either way and moved up or down by the mean difference over the samples both have, the shift that gives the
    /// highest SNR winning. Samples shifted in from outside count as missing (0 mV), as a short digitization would.
    /// </summary>
    /// <param name="reference">The printed signal, in mV.</param>
    /// <param name="digitized">The digitized signal at the same rate, in mV; NaN where missing.</param>
    /// <param name="rate">The common sampling rate.</param>
    /// <param name="maxShiftSeconds">The largest shift searched.</param>
    /// <returns>The SNR in dB, and the shift found in samples: digitized sample n − shift matches reference sample n (positive: the digitized signal runs early).</returns>
    public static (double SnrDb, int ShiftSamples) ComputeAligned(ReadOnlySpan<double> reference, ReadOnlySpan<double> digitized, SamplingRate rate, double maxShiftSeconds = DefaultMaxShiftSeconds)
    {
        if (reference.Length != digitized.Length)
        {
            throw new ArgumentException($"The signals must have the same length: {reference.Length} and {digitized.Length} samples.", nameof(digitized));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxShiftSeconds);
        var maxShift = Math.Min(reference.Length - 1, rate.SamplesIn(maxShiftSeconds));
        var (best, bestShift) = (double.NaN, 0);
        for (var shift = -maxShift; shift <= maxShift; shift++)
        {
            var snr = Ratio(reference, digitized, shift, Offset(reference, digitized, shift));
            if (double.IsNaN(best) || snr > best || (snr == best && Math.Abs(shift) < Math.Abs(bestShift)))
            {
                (best, bestShift) = (snr, shift);
            }
        }

        return (best, bestShift);
    }

    /// <summary>The mean of the record's per-lead SNRs, ignoring NaN (the Challenge's nanmean); NaN when every one is NaN.</summary>
    public static double Mean(IEnumerable<double> snrs)
    {
        ArgumentNullException.ThrowIfNull(snrs);
        var finite = snrs.Where(snr => !double.IsNaN(snr)).ToList();
        return finite.Count == 0 ? double.NaN : finite.Average();
    }

    /// <summary>
    /// The SNR with digitized sample n − <paramref name="shift"/> standing for reference sample n, raised by
    /// <paramref name="offset"/> mV; a digitized sample that is NaN or outside the signal counts as 0 mV.
    /// </summary>
    private static double Ratio(ReadOnlySpan<double> reference, ReadOnlySpan<double> digitized, int shift, double offset)
    {
        double signal = 0, noise = 0;
        for (var n = 0; n < reference.Length; n++)
        {
            if (!double.IsFinite(reference[n]))
            {
                continue;
            }

            var source = n - shift;
            var value = source >= 0 && source < digitized.Length && !double.IsNaN(digitized[source]) ? digitized[source] + offset : 0;
            var error = value - reference[n];
            signal += reference[n] * reference[n];
            noise += error * error;
        }

        return signal > 0 && noise > 0 ? 10 * Math.Log10(signal / noise)
            : signal > 0 ? double.PositiveInfinity
            : double.NaN;
    }

    /// <summary>The mean of reference − digitized over the samples both have at this shift; 0 when there are none.</summary>
    private static double Offset(ReadOnlySpan<double> reference, ReadOnlySpan<double> digitized, int shift)
    {
        double sum = 0;
        var count = 0;
        for (var n = Math.Max(0, shift); n < Math.Min(reference.Length, digitized.Length + shift); n++)
        {
            if (double.IsFinite(reference[n]) && double.IsFinite(digitized[n - shift]))
            {
                sum += reference[n] - digitized[n - shift];
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }
}
