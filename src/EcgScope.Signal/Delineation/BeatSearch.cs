using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>The per-beat searches of <see cref="WaveletDelineator"/> on one lead's wavelet scales.</summary>
internal sealed class BeatSearch(double[] w2, double[] w4, double[] w5, SamplingRate rate, WaveletDelineatorOptions options)
{
    private readonly int length = w2.Length;

    public BeatDelineation Delineate(int r, int? previousR, int? nextR, int? previousTOffset)
    {
        var rr = nextR - r ?? r - previousR ?? rate.SamplesIn(1.0);
        var (qrsOnset, qrsOffset) = Qrs(r);
        var t = TWave(r, rr, nextR, qrsOffset);
        var p = PWave(r, rr, previousR, qrsOnset, previousTOffset);
        return new BeatDelineation(r, p?.Onset, p?.Peak, p?.Offset, qrsOnset, qrsOffset, t?.Onset, t?.Peak, t?.Offset);
    }

    private (int? Onset, int? Offset) Qrs(int r)
    {
        var half = rate.SamplesIn(options.QrsSearchSeconds);
        var from = Math.Max(1, r - half);
        var to = Math.Min(length - 2, r + half);
        var largest = Slopes.LargestModulus(w2, from, to);
        if (largest == 0)
        {
            return (null, null);
        }

        var first = Slopes.FirstMaximum(w2, from, r, options.QrsPreThreshold * largest);
        var last = Slopes.LastMaximum(w2, r, to, options.QrsPostThreshold * largest);
        int? onset = first is { } f
            ? Slopes.WalkBack(w2, f, Math.Max(1, f - half), Level(w2[f], options.QrsOnsetLevel))
            : null;
        int? offset = last is { } l
            ? Slopes.WalkForward(w2, l, Math.Min(length - 2, l + half), Level(w2[l], options.QrsOffsetLevel))
            : null;
        return (onset, offset);
    }

    private Wave? TWave(int r, int rr, int? nextR, int? qrsOffset)
    {
        var start = Math.Max(r + rate.SamplesIn(0.1), qrsOffset ?? 0);
        var end = r + Math.Min((int)(0.6 * rr), rate.SamplesIn(0.7));
        var offsetLimit = Math.Min(length - 2, end + rate.SamplesIn(0.15));
        if (nextR is { } next)
        {
            end = Math.Min(end, next - rate.SamplesIn(0.15));
            offsetLimit = Math.Min(offsetLimit, next - rate.SamplesIn(0.1));
        }

        end = Math.Min(end, length - 2);
        var onsetLimit = qrsOffset ?? r + rate.SamplesIn(0.04);
        var rrEnd = Math.Min(length, r + rr);
        foreach (var w in (ReadOnlySpan<double[]>)[w4, w5])
        {
            var threshold = options.TThreshold * Slopes.RootMeanSquare(w, r, rrEnd);
            if (Slopes.FindWave(w, start, end, threshold) is { } pair)
            {
                return Bound(w, pair, onsetLimit, offsetLimit, options.TOnsetLevel, options.TOffsetLevel);
            }
        }

        return null;
    }

    private Wave? PWave(int r, int rr, int? previousR, int? qrsOnset, int? previousTOffset)
    {
        if (qrsOnset is not { } qrsOn)
        {
            return null;
        }

        var end = qrsOn - 1;
        var start = Math.Max(Math.Max(1, qrsOn - rate.SamplesIn(options.PSearchSeconds)), previousTOffset ?? 0);
        if (previousR is { } previous)
        {
            start = Math.Max(start, previous + ((r - previous) / 2));
        }

        if (end - start < rate.SamplesIn(0.04))
        {
            return null;
        }

        var threshold = options.PThreshold * Slopes.RootMeanSquare(w4, Math.Max(0, r - rr), r);
        return Slopes.FindWave(w4, start, end, threshold) is { } pair
            ? Bound(w4, pair, Math.Max(1, start - rate.SamplesIn(0.05)), qrsOn, options.POnsetLevel, options.POffsetLevel)
            : null;
    }

    private static Wave? Bound(double[] w, (int First, int Last) slopes, int onsetLimit, int offsetLimit, double onsetLevel, double offsetLevel)
    {
        var onset = Slopes.WalkBack(w, slopes.First, onsetLimit, onsetLevel * Math.Abs(w[slopes.First]));
        var offset = Slopes.WalkForward(w, slopes.Last, offsetLimit, offsetLevel * Math.Abs(w[slopes.Last]));
        var peak = Slopes.ZeroCrossing(w, slopes.First, slopes.Last);
        return onset is { } on && offset is { } off ? new Wave(on, peak, off) : null;
    }

    private static double Level(double slope, (double Positive, double Negative) share) =>
        Math.Abs(slope) * (slope > 0 ? share.Positive : share.Negative);

    private readonly record struct Wave(int Onset, int Peak, int Offset);
}
