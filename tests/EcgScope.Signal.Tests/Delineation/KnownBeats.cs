using EcgScope.Core;
using EcgScope.Signal.Delineation;

namespace EcgScope.Signal.Tests.Delineation;

/// <summary>
/// A rhythm of identical beats drawn from waves with exact ends: P and T raised-cosine bumps, the QRS a Q-R-S triangle
/// path, all zero outside their spans, so the true onsets, peaks and offsets are known to the sample.
/// </summary>
internal static class KnownBeats
{
    public static List<BeatDelineation> Build(SamplingRate rate, int beatCount, out double[] signal)
    {
        int S(double seconds) => rate.SamplesIn(seconds);
        var rr = S(0.9);
        signal = new double[(beatCount * rr) + S(0.4)];
        var beats = new List<BeatDelineation>();
        for (var b = 0; b < beatCount; b++)
        {
            var r = S(0.45) + (b * rr);
            var (pOn, pOff) = (r - S(0.22), r - S(0.12));
            var (qrsOn, qrsOff) = (r - S(0.04), r + S(0.05));
            var (tOn, tOff) = (r + S(0.14), r + S(0.38));
            Bump(signal, pOn, pOff, 0.15);
            Bump(signal, tOn, tOff, 0.35);
            Line(signal, qrsOn, r - S(0.015), 0, -0.1);
            Line(signal, r - S(0.015), r, -0.1, 1.2);
            Line(signal, r, r + S(0.025), 1.2, -0.3);
            Line(signal, r + S(0.025), qrsOff, -0.3, 0);
            beats.Add(new BeatDelineation(r, pOn, (pOn + pOff) / 2, pOff, qrsOn, qrsOff, tOn, (tOn + tOff) / 2, tOff));
        }

        return beats;
    }

    private static void Bump(double[] signal, int from, int to, double millivolts)
    {
        for (var i = from; i <= to; i++)
        {
            signal[i] += millivolts * 0.5 * (1 - Math.Cos(2 * Math.PI * (i - from) / (to - from)));
        }
    }

    private static void Line(double[] signal, int from, int to, double start, double end)
    {
        for (var i = from; i < to; i++)
        {
            signal[i] += start + ((end - start) * (i - from) / (to - from));
        }
    }
}
