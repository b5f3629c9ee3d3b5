using System.Runtime.Intrinsics;
using EcgScope.Core;
using EcgScope.Signal.Filtering;

namespace EcgScope.Signal.Detection;

/// <summary>
/// A running second-order Butterworth section (direct form I) for the detectors' single causal pass: the coefficients
/// come from <see cref="Butterworth"/>, the state lives in the struct so the JIT keeps it in registers.
/// </summary>
/// <remarks>
/// Deliberately separate from <see cref="SosFilter"/>, which runs whole arrays section by section (zero-phase, with
/// SciPy's initial conditions): the detector fuses its four sections and the envelope into one pass over the
/// samples, and running them through <see cref="SosFilter"/> would take about twice as long (docs/benchmarks.md).
/// </remarks>
internal struct Biquad
{
    // Read by BiquadPair, which runs two sections side by side.
    internal readonly double b0, b1, b2, a1, a2;
    private double x1, x2, y1, y2;

    private Biquad(SecondOrderSection section) =>
        (b0, b1, b2, a1, a2) = (section.B0, section.B1, section.B2, section.A1, section.A2);

    /// <summary>Second-order Butterworth low-pass at <paramref name="cutoffHertz"/>.</summary>
    public static Biquad LowPass(double cutoffHertz, double samplingHertz) =>
        new(Butterworth.LowPass(2, BelowNyquist(cutoffHertz, samplingHertz), new SamplingRate(samplingHertz)).Sections[0]);

    /// <summary>Second-order Butterworth high-pass at <paramref name="cutoffHertz"/>.</summary>
    public static Biquad HighPass(double cutoffHertz, double samplingHertz) =>
        new(Butterworth.HighPass(2, BelowNyquist(cutoffHertz, samplingHertz), new SamplingRate(samplingHertz)).Sections[0]);

    /// <summary>Filters one sample.</summary>
    public double Next(double x)
    {
        // The terms that do not depend on the previous output go first, so that the loop-carried dependency is one
        // fused multiply-add.
        var y = Math.FusedMultiplyAdd(-a1, y1, (b0 * x) + (b1 * x1) + (b2 * x2) - (a2 * y2));
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    // Keep the cut-off below Nyquist so low sampling rates still get a stable filter.
    private static double BelowNyquist(double cutoffHertz, double samplingHertz) => Math.Min(cutoffHertz, 0.45 * samplingHertz);
}

/// <summary>The coefficients of two <see cref="Biquad"/>s, one per lane of a vector (a1 negated for the fused multiply-add).</summary>
internal readonly struct BiquadLanes(Biquad first, Biquad second)
{
    public readonly Vector128<double> B0 = Vector128.Create(first.b0, second.b0);
    public readonly Vector128<double> B1 = Vector128.Create(first.b1, second.b1);
    public readonly Vector128<double> B2 = Vector128.Create(first.b2, second.b2);
    public readonly Vector128<double> NegativeA1 = Vector128.Create(-first.a1, -second.a1);
    public readonly Vector128<double> A2 = Vector128.Create(first.a2, second.a2);
}

/// <summary>
/// Two <see cref="Biquad"/>s fed the same input, run in the two lanes of one vector. Each lane performs exactly the
/// operations of <see cref="Biquad.Next"/> in the same order, so its output is bit-identical to running them apart.
/// </summary>
internal struct BiquadPair
{
    private readonly BiquadLanes c;
    private Vector128<double> x1, x2, y1, y2;

    public BiquadPair(Biquad first, Biquad second) => c = new BiquadLanes(first, second);

    /// <summary>Filters one sample through both sections: lane 0 is the first section's output, lane 1 the second's.</summary>
    public Vector128<double> Next(double value)
    {
        var x = Vector128.Create(value);
        var y = Vector128.FusedMultiplyAdd(c.NegativeA1, y1, (c.B0 * x) + (c.B1 * x1) + (c.B2 * x2) - (c.A2 * y2));
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
}

/// <summary>
/// Two <see cref="Biquad"/>s in series, run in the two lanes of one vector: the second section filters the first one's
/// output of the previous step, so both advance together and the cascade costs about what one section costs. The
/// price is one sample of delay: <see cref="Next"/> returns the cascade's output for the sample before the one given.
/// </summary>
/// <remarks>
/// The new input enters last (one fused multiply-add after everything that is already known), because in the second
/// lane it is the first lane's previous output: the loop-carried path is then one lane move and two fused
/// multiply-adds. The rounding differs from <see cref="Biquad.Next"/> in the last bits.
/// </remarks>
internal struct BiquadCascade
{
    private readonly BiquadLanes c;
    private Vector128<double> x1, x2, y1, y2;

    public BiquadCascade(Biquad first, Biquad second) => c = new BiquadLanes(first, second);

    /// <summary>Feeds one sample; returns the cascade's output for the previous sample (0 for the first call).</summary>
    public double Next(double value)
    {
        var x = Vector128.Create(value, y1.GetElement(0));
        var known = Vector128.FusedMultiplyAdd(c.NegativeA1, y1, (c.B1 * x1) + (c.B2 * x2) - (c.A2 * y2));
        var y = Vector128.FusedMultiplyAdd(c.B0, x, known);
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y.GetElement(1);
    }
}
