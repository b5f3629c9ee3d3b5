using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Tests;

/// <summary>Test signals and measurements.</summary>
internal static class SignalHelpers
{
    public static double[] Sine(int count, double frequencyHz, double samplingHz, double amplitude = 1, double phase = 0) =>
        [.. Enumerable.Range(0, count).Select(i => amplitude * Math.Sin((2 * Math.PI * frequencyHz * i / samplingHz) + phase))];

    /// <summary>Amplitude of the component at <paramref name="frequencyHz"/>, by least-squares projection on sine and cosine.</summary>
    public static double AmplitudeAt(ReadOnlySpan<double> signal, double frequencyHz, double samplingHz)
    {
        double s = 0, c = 0, ss = 0, cc = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            var (sin, cos) = Math.SinCos(2 * Math.PI * frequencyHz * i / samplingHz);
            s += signal[i] * sin;
            c += signal[i] * cos;
            ss += sin * sin;
            cc += cos * cos;
        }

        return Math.Sqrt(((s / ss) * (s / ss)) + ((c / cc) * (c / cc)));
    }

    public static double Rms(ReadOnlySpan<double> signal)
    {
        var sum = 0.0;
        foreach (var x in signal)
        {
            sum += x * x;
        }

        return Math.Sqrt(sum / signal.Length);
    }

    public static EcgRecord Record(double samplingHz, params double[][] leads) =>
        new([.. leads.Select((samples, i) => EcgLead.FromOwnedArray($"L{i + 1}", samples))], new SamplingRate(samplingHz));

    public static int[] PeaksFromRr(IEnumerable<double> rrMs, double samplingHz, double firstSeconds = 1)
    {
        var time = firstSeconds;
        var peaks = new List<int> { (int)Math.Round(time * samplingHz) };
        foreach (var rr in rrMs)
        {
            time += rr / 1000;
            peaks.Add((int)Math.Round(time * samplingHz));
        }

        return [.. peaks];
    }

    public static ImmutableArray<double> Polynomial(IEnumerable<(double B0, double B1, double B2)> factors)
    {
        double[] product = [1];
        foreach (var (b0, b1, b2) in factors)
        {
            var next = new double[product.Length + 2];
            for (var i = 0; i < product.Length; i++)
            {
                next[i] += product[i] * b0;
                next[i + 1] += product[i] * b1;
                next[i + 2] += product[i] * b2;
            }

            product = next;
        }

        return [.. product];
    }
}
