using System.Collections.Immutable;
using System.Numerics;
using EcgScope.Core;

namespace EcgScope.Signal.Filtering;

/// <summary>
/// Butterworth filter design (maximally flat passband; −3 dB, i.e. 1/√2, at each cutoff), as in SciPy's
/// <c>butter(..., output="sos")</c>: the analog prototype's poles on the unit circle, frequency transformation
/// (low-pass, high-pass, band-pass, band-stop) at pre-warped cutoffs, the bilinear transform, and grouping into
/// second-order sections. Reference: S. Butterworth, "On the theory of filter amplifiers", Wireless Engineer 7, 1930;
/// A. V. Oppenheim &amp; R. W. Schafer, Discrete-Time Signal Processing, 3rd ed., §7.1 (bilinear transformation).
/// </summary>
/// <remarks>
/// Cutoffs are in hertz and must lie strictly between 0 and the Nyquist frequency (half the sampling rate);
/// band edges must be increasing. Orders from 1 to <see cref="MaxOrder"/>. Band filters have 2·order poles.
/// </remarks>
public static class Butterworth
{
    /// <summary>Highest order accepted: higher orders buy little for ECG and approach numerical trouble.</summary>
    public const int MaxOrder = 12;

    /// <summary>Low-pass: passes below <paramref name="cutoffHz"/>.</summary>
    public static SosFilter LowPass(int order, double cutoffHz, SamplingRate samplingRate)
    {
        var warped = Prewarp(cutoffHz, samplingRate, nameof(cutoffHz));
        var poles = AnalogPrototype(order).Select(p => p * warped);
        return Build(poles, zeroAngle: Math.PI, zerosPerPair: ZeroLayout.Single, referenceRadians: 0, samplingRate);
    }

    /// <summary>High-pass: passes above <paramref name="cutoffHz"/>.</summary>
    public static SosFilter HighPass(int order, double cutoffHz, SamplingRate samplingRate)
    {
        var warped = Prewarp(cutoffHz, samplingRate, nameof(cutoffHz));
        var poles = AnalogPrototype(order).Select(p => warped / p);
        return Build(poles, zeroAngle: 0, zerosPerPair: ZeroLayout.Single, referenceRadians: Math.PI, samplingRate);
    }

    /// <summary>Band-pass: passes between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static SosFilter BandPass(int order, double lowHz, double highHz, SamplingRate samplingRate)
    {
        var (bandwidth, centre) = Band(lowHz, highHz, samplingRate);
        var poles = AnalogPrototype(order).SelectMany(p => LowPassToBand(p * bandwidth / 2, centre));
        return Build(poles, zeroAngle: 0, zerosPerPair: ZeroLayout.PlusAndMinusOne, referenceRadians: DigitalAngle(centre), samplingRate);
    }

    /// <summary>Band-stop: rejects between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static SosFilter BandStop(int order, double lowHz, double highHz, SamplingRate samplingRate)
    {
        var (bandwidth, centre) = Band(lowHz, highHz, samplingRate);
        var poles = AnalogPrototype(order).SelectMany(p => LowPassToBand(bandwidth / 2 / p, centre));
        return Build(poles, zeroAngle: DigitalAngle(centre), zerosPerPair: ZeroLayout.Single, referenceRadians: 0, samplingRate);
    }

    /// <summary>How each section's two zeros are placed.</summary>
    private enum ZeroLayout
    {
        /// <summary>Both at e^{±j·angle} (a real double zero when angle is 0 or π).</summary>
        Single,

        /// <summary>One at z = +1 and one at z = −1 (band-pass).</summary>
        PlusAndMinusOne,
    }

    // The bilinear transform below uses a normalised rate of 2 (Nyquist = 1), so 2·fs = 4.
    private const double TwiceNormalisedRate = 4.0;

    /// <summary>Poles of the order-N analog Butterworth low-pass at 1 rad/s: the left half of the unit circle.</summary>
    private static IEnumerable<Complex> AnalogPrototype(int order)
    {
        if (order is < 1 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"Butterworth order must be between 1 and {MaxOrder}.");
        }

        for (var k = 1; k <= order; k++)
        {
            var angle = Math.PI * ((2 * k) - 1) / (2 * order);
            yield return new Complex(-Math.Sin(angle), Math.Cos(angle));
        }
    }

    /// <summary>
    /// The analog frequency that the bilinear transform maps onto <paramref name="cutoffHz"/> (pre-warping), so the
    /// digital filter's −3 dB point lands exactly on the requested frequency.
    /// </summary>
    private static double Prewarp(double cutoffHz, SamplingRate samplingRate, string parameterName)
    {
        var nyquist = samplingRate.Hertz / 2;
        if (!double.IsFinite(cutoffHz) || cutoffHz <= 0 || cutoffHz >= nyquist)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                cutoffHz,
                $"A cutoff must lie strictly between 0 Hz and the Nyquist frequency ({nyquist.ToString(System.Globalization.CultureInfo.InvariantCulture)} Hz at {samplingRate}).");
        }

        return TwiceNormalisedRate * Math.Tan(Math.PI * cutoffHz / samplingRate.Hertz);
    }

    private static (double Bandwidth, double Centre) Band(double lowHz, double highHz, SamplingRate samplingRate)
    {
        var low = Prewarp(lowHz, samplingRate, nameof(lowHz));
        var high = Prewarp(highHz, samplingRate, nameof(highHz));
        if (highHz <= lowHz)
        {
            throw new ArgumentException($"The band's upper edge ({highHz} Hz) must be above its lower edge ({lowHz} Hz).", nameof(highHz));
        }

        return (high - low, Math.Sqrt(low * high));
    }

    /// <summary>Each low-pass pole becomes two: the roots of s² − 2·p·s + ω₀² (SciPy's <c>lp2bp</c>/<c>lp2bs</c>).</summary>
    private static Complex[] LowPassToBand(Complex scaledPole, double centre)
    {
        var root = Complex.Sqrt((scaledPole * scaledPole) - (centre * centre));
        return [scaledPole + root, scaledPole - root];
    }

    /// <summary>The digital angle (radians per sample) the bilinear transform maps the analog frequency ω onto.</summary>
    private static double DigitalAngle(double analogRadiansPerSecond) => 2 * Math.Atan(analogRadiansPerSecond / TwiceNormalisedRate);

    private static Complex Bilinear(Complex analogPole) => (TwiceNormalisedRate + analogPole) / (TwiceNormalisedRate - analogPole);

    /// <summary>
    /// Groups the digital poles into conjugate pairs (one real pole left over for odd low/high-pass orders), gives
    /// each section its zeros, and scales each section to unit gain at <paramref name="referenceRadians"/> (DC,
    /// Nyquist or the band centre, where a Butterworth filter has gain exactly 1).
    /// </summary>
    private static SosFilter Build(
        IEnumerable<Complex> analogPoles, double zeroAngle, ZeroLayout zerosPerPair, double referenceRadians, SamplingRate samplingRate)
    {
        var poles = analogPoles.Select(Bilinear).ToList();
        var upper = poles.Where(p => p.Imaginary > 1e-12).OrderBy(p => p.Imaginary).ToList();
        var real = poles.Where(p => Math.Abs(p.Imaginary) <= 1e-12).Select(p => p.Real).ToList();
        var (b1, b2) = zerosPerPair == ZeroLayout.PlusAndMinusOne ? (0.0, -1.0) : (-2 * Math.Cos(zeroAngle), 1.0);

        var sections = ImmutableArray.CreateBuilder<SecondOrderSection>();
        foreach (var pole in upper)
        {
            sections.Add(new SecondOrderSection(1, b1, b2, -2 * pole.Real, pole.Magnitude * pole.Magnitude));
        }

        for (var i = 0; i + 1 < real.Count; i += 2)
        {
            sections.Add(new SecondOrderSection(1, b1, b2, -(real[i] + real[i + 1]), real[i] * real[i + 1]));
        }

        if (real.Count % 2 == 1)
        {
            // Odd low/high-pass order: a first-order section with its single zero at z = −1 (low) or +1 (high).
            sections.Add(new SecondOrderSection(1, -Math.Cos(zeroAngle), 0, -real[^1], 0));
        }

        for (var i = 0; i < sections.Count; i++)
        {
            sections[i] = sections[i].Scaled(1 / sections[i].Response(referenceRadians).Magnitude);
        }

        return new SosFilter(sections.ToImmutable(), samplingRate);
    }
}
