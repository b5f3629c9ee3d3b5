using System.Runtime.Intrinsics;

namespace EcgScope.Signal.Detection;

/// <summary>
/// A second-order IIR section (biquad, direct form I) with Butterworth designs from the bilinear transform
/// (R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients", Q = 1/sqrt(2)).
/// </summary>
internal struct SecondOrderSection
{
    // Read by SecondOrderSectionPair, which runs two sections side by side.
    internal readonly double b0, b1, b2, a1, a2;
    private double x1, x2, y1, y2;

    private SecondOrderSection(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    /// <summary>Second-order Butterworth low-pass with cut-off <paramref name="cutoffHertz"/>.</summary>
    public static SecondOrderSection LowPass(double cutoffHertz, double samplingHertz)
    {
        var (cos, alpha) = Prewarp(cutoffHertz, samplingHertz);
        return new SecondOrderSection((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Second-order Butterworth high-pass with cut-off <paramref name="cutoffHertz"/>.</summary>
    public static SecondOrderSection HighPass(double cutoffHertz, double samplingHertz)
    {
        var (cos, alpha) = Prewarp(cutoffHertz, samplingHertz);
        return new SecondOrderSection((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

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

    private static (double Cos, double Alpha) Prewarp(double cutoffHertz, double samplingHertz)
    {
        // Keep the cut-off below Nyquist so low sampling rates still get a stable filter.
        var omega = 2 * Math.PI * Math.Min(cutoffHertz, 0.45 * samplingHertz) / samplingHertz;
        return (Math.Cos(omega), Math.Sin(omega) / Math.Sqrt(2));
    }
}

/// <summary>
/// Two <see cref="SecondOrderSection"/>s fed the same input, run in the two lanes of one SIMD register: half the
/// instructions of two scalar sections, and each lane's arithmetic (the same operations in the same order, fused
/// multiply-add included) gives bit-for-bit the scalar result.
/// </summary>
internal struct SecondOrderSectionPair
{
    private readonly Vector128<double> b0, b1, b2, negativeA1, a2;
    private Vector128<double> x1, x2, y1, y2;

    public SecondOrderSectionPair(SecondOrderSection first, SecondOrderSection second)
    {
        b0 = Vector128.Create(first.b0, second.b0);
        b1 = Vector128.Create(first.b1, second.b1);
        b2 = Vector128.Create(first.b2, second.b2);
        negativeA1 = Vector128.Create(-first.a1, -second.a1);
        a2 = Vector128.Create(first.a2, second.a2);
    }

    /// <summary>Filters one sample through both sections: the first's output in element 0, the second's in 1.</summary>
    public Vector128<double> Next(double value)
    {
        var x = Vector128.Create(value);
        var y = Vector128.FusedMultiplyAdd(negativeA1, y1, (b0 * x) + (b1 * x1) + (b2 * x2) - (a2 * y2));
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
}
