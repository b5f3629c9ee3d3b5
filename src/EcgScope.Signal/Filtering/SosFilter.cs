using System.Buffers;
using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Filtering;

/// <summary>
/// A digital IIR filter as a cascade of second-order sections (biquads), each run in Direct Form II transposed,
/// designed for one sampling rate. Cascaded biquads stay numerically stable at orders where a single
/// high-order transfer function would not.
/// </summary>
/// <remarks>
/// The R-peak detectors' single causal pass uses its own running section (<c>Detection.Biquad</c>, same
/// coefficients): it keeps its state in registers and fuses several sections with the envelope in one loop, which
/// an array-at-a-time cascade cannot (docs/benchmarks.md).
/// </remarks>
public sealed class SosFilter
{
    /// <summary>Creates a filter from its sections, designed for <paramref name="samplingRate"/>.</summary>
    public SosFilter(ImmutableArray<SecondOrderSection> sections, SamplingRate samplingRate)
    {
        if (sections.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A filter needs at least one section.", nameof(sections));
        }

        Sections = sections;
        SamplingRate = samplingRate;
    }

    /// <summary>The biquads, applied in order.</summary>
    public ImmutableArray<SecondOrderSection> Sections { get; }

    /// <summary>The sampling rate the filter was designed for.</summary>
    public SamplingRate SamplingRate { get; }

    /// <summary>
    /// Number of samples of odd extension that <see cref="FiltFilt"/> adds at each end: SciPy's default
    /// 3·(2·sections + 1), capped at the signal length minus one.
    /// </summary>
    public int PadLength => 3 * ((2 * Sections.Length) + 1);

    /// <summary>A filter running these sections and then <paramref name="next"/>'s (same sampling rate required).</summary>
    public SosFilter Then(SosFilter next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.SamplingRate != SamplingRate)
        {
            throw new ArgumentException($"Cannot cascade a {next.SamplingRate} filter after a {SamplingRate} one.", nameof(next));
        }

        return new SosFilter(Sections.AddRange(next.Sections), SamplingRate);
    }

    /// <summary>Magnitude of the frequency response (1 = unchanged) at <paramref name="frequencyHz"/>.</summary>
    public double Magnitude(double frequencyHz)
    {
        var omega = 2 * Math.PI * frequencyHz / SamplingRate.Hertz;
        var magnitude = 1.0;
        foreach (var section in Sections)
        {
            magnitude *= section.Response(omega).Magnitude;
        }

        return magnitude;
    }

    /// <summary>
    /// Causal filtering (like SciPy's <c>sosfilt</c>) starting from rest (zero state). <paramref name="output"/> may
    /// be the same memory as <paramref name="input"/>. Introduces the filter's phase delay; prefer
    /// <see cref="FiltFilt"/> for ECG morphology. Samples must be finite.
    /// </summary>
    public void Filter(ReadOnlySpan<double> input, Span<double> output)
    {
        Spans.RequireSameLength(input, output);
        input.CopyTo(output);
        RunCascade(output, Enumerable.Repeat((0.0, 0.0), Sections.Length).ToArray());
    }

    /// <summary>
    /// Zero-phase filtering (like SciPy's <c>sosfiltfilt</c>): the signal is extended at both ends by
    /// <see cref="PadLength"/> samples of odd extension (2·x[0] − x[k]), filtered forwards and backwards, each pass
    /// starting from the steady state a constant input equal to the first sample would leave (<c>sosfilt_zi</c>),
    /// so edges do not ring. The magnitude response is squared (a Butterworth cutoff becomes −6 dB) and the phase is
    /// zero: peaks stay where they are. Samples must be finite; signals of one sample are copied through.
    /// </summary>
    public void FiltFilt(ReadOnlySpan<double> input, Span<double> output)
    {
        Spans.RequireSameLength(input, output);
        var n = input.Length;
        if (n < 2)
        {
            input.CopyTo(output);
            return;
        }

        var pad = Math.Min(PadLength, n - 1);
        var rented = ArrayPool<double>.Shared.Rent(n + (2 * pad));
        try
        {
            var extended = rented.AsSpan(0, n + (2 * pad));
            OddExtend(input, pad, extended);
            RunCascadeFromSteadyState(extended);
            extended.Reverse();
            RunCascadeFromSteadyState(extended);
            extended.Reverse();
            extended.Slice(pad, n).CopyTo(output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void OddExtend(ReadOnlySpan<double> input, int pad, Span<double> extended)
    {
        var n = input.Length;
        var first = input[0];
        var last = input[n - 1];
        for (var i = 0; i < pad; i++)
        {
            extended[i] = (2 * first) - input[pad - i];
            extended[pad + n + i] = (2 * last) - input[n - 2 - i];
        }

        input.CopyTo(extended.Slice(pad, n));
    }

    private void RunCascadeFromSteadyState(Span<double> signal)
    {
        // The input to section s in steady state is x[0] times the DC gain of the sections before it.
        var level = signal[0];
        var states = new (double, double)[Sections.Length];
        for (var s = 0; s < Sections.Length; s++)
        {
            var (z1, z2) = Sections[s].StepSteadyState();
            states[s] = (z1 * level, z2 * level);
            level *= Sections[s].DcGain;
        }

        RunCascade(signal, states);
    }

    /// <summary>Runs every section over the signal in place, two at a time, from the given initial states.</summary>
    private void RunCascade(Span<double> signal, (double Z1, double Z2)[] states)
    {
        var s = 0;
        for (; s + 1 < Sections.Length; s += 2)
        {
            RunSectionPair(Sections[s], Sections[s + 1], signal, states[s], states[s + 1]);
        }

        if (s < Sections.Length)
        {
            RunSection(Sections[s], signal, states[s]);
        }
    }

    private static void RunSection(SecondOrderSection section, Span<double> signal, (double Z1, double Z2) state)
    {
        var (b0, b1, b2, a1, a2) = (section.B0, section.B1, section.B2, section.A1, section.A2);
        var (z1, z2) = state;
        for (var i = 0; i < signal.Length; i++)
        {
            var x = signal[i];
            var y = (b0 * x) + z1;
            z1 = (b1 * x) - (a1 * y) + z2;
            z2 = (b2 * x) - (a2 * y);
            signal[i] = y;
        }
    }

    /// <summary>
    /// Two sections in one pass: each section's recursion is a serial dependency chain, and interleaving two
    /// independent chains lets the CPU overlap them (about twice as fast as two separate passes).
    /// </summary>
    private static void RunSectionPair(
        SecondOrderSection first, SecondOrderSection second, Span<double> signal, (double Z1, double Z2) firstState, (double Z1, double Z2) secondState)
    {
        var (b10, b11, b12, a11, a12) = (first.B0, first.B1, first.B2, first.A1, first.A2);
        var (b20, b21, b22, a21, a22) = (second.B0, second.B1, second.B2, second.A1, second.A2);
        var (z11, z12) = firstState;
        var (z21, z22) = secondState;
        for (var i = 0; i < signal.Length; i++)
        {
            var x = signal[i];
            var y1 = (b10 * x) + z11;
            z11 = (b11 * x) - (a11 * y1) + z12;
            z12 = (b12 * x) - (a12 * y1);
            var y2 = (b20 * y1) + z21;
            z21 = (b21 * y1) - (a21 * y2) + z22;
            z22 = (b22 * y1) - (a22 * y2);
            signal[i] = y2;
        }
    }
}
