using System.Numerics;

namespace EcgScope.Signal.Filtering;

/// <summary>
/// One biquad: H(z) = (B0 + B1 z⁻¹ + B2 z⁻²) / (1 + A1 z⁻¹ + A2 z⁻²), the leading denominator coefficient normalised
/// to 1 (SciPy's <c>sos</c> row <c>[b0, b1, b2, 1, a1, a2]</c>).
/// </summary>
/// <param name="B0">Numerator coefficient of z⁰.</param>
/// <param name="B1">Numerator coefficient of z⁻¹.</param>
/// <param name="B2">Numerator coefficient of z⁻².</param>
/// <param name="A1">Denominator coefficient of z⁻¹.</param>
/// <param name="A2">Denominator coefficient of z⁻².</param>
public readonly record struct SecondOrderSection(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>The section's complex response at <paramref name="radiansPerSample"/> (0 = DC, π = Nyquist).</summary>
    public Complex Response(double radiansPerSample)
    {
        var zInverse = Complex.FromPolarCoordinates(1, -radiansPerSample);
        var zInverse2 = zInverse * zInverse;
        return (B0 + (B1 * zInverse) + (B2 * zInverse2)) / (1 + (A1 * zInverse) + (A2 * zInverse2));
    }

    /// <summary>The same section with its numerator multiplied by <paramref name="gain"/>.</summary>
    public SecondOrderSection Scaled(double gain) => this with { B0 = B0 * gain, B1 = B1 * gain, B2 = B2 * gain };

    /// <summary>
    /// Direct Form II transposed state that a constant input of 1 leaves behind once settled (SciPy's
    /// <c>lfilter_zi</c> for one section): z1 = g − b0, z2 = b2 − a2·g with g the DC gain.
    /// </summary>
    internal (double Z1, double Z2) StepSteadyState()
    {
        var dcGain = DcGain;
        return (dcGain - B0, B2 - (A2 * dcGain));
    }

    /// <summary>Gain at 0 Hz: (b0 + b1 + b2) / (1 + a1 + a2).</summary>
    internal double DcGain => (B0 + B1 + B2) / (1 + A1 + A2);
}
