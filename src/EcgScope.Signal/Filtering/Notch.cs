using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Signal.Filtering;

/// <summary>
/// Second-order IIR notch filters for mains interference (50 Hz in Europe, 60 Hz in the Americas), as SciPy's
/// <c>iirnotch</c>: zeros on the unit circle at the notch frequency, poles just inside it, −3 dB bandwidth =
/// frequency / Q. Reference: S. J. Orfanidis, Introduction to Signal Processing, Prentice Hall 1996, §11.3.
/// </summary>
public static class Notch
{
    /// <summary>Default quality factor: a 50 Hz notch 1.7 Hz wide at −3 dB, narrow enough to leave QRS energy alone.</summary>
    public const double DefaultQuality = 30;

    /// <summary>
    /// A notch at <paramref name="frequencyHz"/> and, when <paramref name="harmonics"/> &gt; 1, at its multiples
    /// 2f, 3f, … up to <paramref name="harmonics"/>·f; multiples at or above the Nyquist frequency are skipped. Each
    /// notch has quality factor <paramref name="quality"/> (centre frequency over −3 dB bandwidth).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is not strictly between 0 and Nyquist, Q is not
    /// positive, or harmonics is below 1.</exception>
    public static SosFilter Design(double frequencyHz, SamplingRate samplingRate, double quality = DefaultQuality, int harmonics = 1)
    {
        var nyquist = samplingRate.Hertz / 2;
        if (!double.IsFinite(frequencyHz) || frequencyHz <= 0 || frequencyHz >= nyquist)
        {
            throw new ArgumentOutOfRangeException(
                nameof(frequencyHz),
                frequencyHz,
                string.Create(CultureInfo.InvariantCulture, $"A notch frequency must lie strictly between 0 Hz and the Nyquist frequency ({nyquist} Hz at {samplingRate})."));
        }

        if (!double.IsFinite(quality) || quality <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "The quality factor must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(harmonics, 1);

        var sections = ImmutableArray.CreateBuilder<SecondOrderSection>();
        for (var k = 1; k <= harmonics && k * frequencyHz < nyquist; k++)
        {
            sections.Add(Section(k * frequencyHz, samplingRate, quality));
        }

        return new SosFilter(sections.ToImmutable(), samplingRate);
    }

    private static SecondOrderSection Section(double frequencyHz, SamplingRate samplingRate, double quality)
    {
        var centre = 2 * Math.PI * frequencyHz / samplingRate.Hertz;
        var bandwidth = centre / quality;
        var gain = 1 / (1 + Math.Tan(bandwidth / 2));
        var cosine = Math.Cos(centre);
        return new SecondOrderSection(gain, -2 * gain * cosine, gain, -2 * gain * cosine, (2 * gain) - 1);
    }
}
