using EcgScope.Core;
using EcgScope.Signal.Detection;
using EcgScope.Signal.Filtering;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// Wave delineation after Martínez, Almeida, Olmos, Rocha and Laguna, "A wavelet-based ECG delineator: evaluation on
/// standard databases", IEEE TBME 51(4), 2004: the quadratic spline wavelet transform (<see cref="QuadraticSplineWavelet"/>)
/// at scales 2^1..2^5; the QRS from the slopes (modulus maxima) around each R peak at scale 2^2, the T and P waves from
/// pairs of opposite-signed slopes at scale 2^4 (2^5 when 2^4 shows no T), each wave's peak at the zero crossing
/// between its slopes and its ends where the slope's modulus falls below a share of its maximum.
/// The R peaks come from a detector (<see cref="RPeakDetectors"/>). Waves that are not there are left null.
/// </summary>
public static class WaveletDelineator
{
    /// <summary>
    /// Delineates every beat of <paramref name="signalMillivolts"/> around the given R peaks.
    /// Missing samples (NaN) are bridged for the transform, and a wave that covers any of them is reported not found.
    /// </summary>
    /// <param name="signalMillivolts">One lead, in millivolts.</param>
    /// <param name="rate">Its sampling rate (the method's scales assume 250 Hz and are shifted for faster rates).</param>
    /// <param name="rPeaks">R-peak sample indices, strictly increasing, inside the signal.</param>
    /// <param name="options">Thresholds; <see cref="WaveletDelineatorOptions.Default"/> when null.</param>
    /// <returns>One <see cref="BeatDelineation"/> per R peak, all indices in samples of <paramref name="signalMillivolts"/>.</returns>
    /// <exception cref="ArgumentException">The R peaks are not strictly increasing or lie outside the signal.</exception>
    public static LeadDelineation Delineate(
        ReadOnlySpan<double> signalMillivolts, SamplingRate rate, ReadOnlySpan<int> rPeaks, WaveletDelineatorOptions? options = null)
    {
        RPeaks.RequireIncreasing(rPeaks);
        if (!rPeaks.IsEmpty && rPeaks[^1] >= signalMillivolts.Length)
        {
            throw new ArgumentException($"R peak {rPeaks[^1]} lies beyond the signal's {signalMillivolts.Length} samples.", nameof(rPeaks));
        }

        if (rPeaks.IsEmpty)
        {
            return new LeadDelineation(rate, []);
        }

        var bridged = new double[signalMillivolts.Length];
        var hadGaps = NanGaps.Bridge(signalMillivolts, bridged);
        var shift = QuadraticSplineWavelet.ScaleShift(rate);
        var details = QuadraticSplineWavelet.Transform(bridged, 5 + shift);
        var resolved = options ?? WaveletDelineatorOptions.Default;
        var search = new BeatSearch(details[1 + shift], details[3 + shift], details[4 + shift], rate, resolved);

        var beats = new BeatDelineation[rPeaks.Length];
        int? previousTOffset = null;
        for (var i = 0; i < rPeaks.Length; i++)
        {
            int? previous = i > 0 ? rPeaks[i - 1] : null;
            int? next = i + 1 < rPeaks.Length ? rPeaks[i + 1] : null;
            var beat = search.Delineate(rPeaks[i], previous, next, previousTOffset);
            if (hadGaps)
            {
                beat = WithoutWavesOverGaps(beat, signalMillivolts);
            }

            beats[i] = beat;
            previousTOffset = beat.TOffset;
        }

        return new LeadDelineation(rate, [.. PWaveConsistency.Filter(beats, rate, resolved)]);
    }

    /// <summary>Detects the R peaks of the lead at <paramref name="leadIndex"/> with <paramref name="detector"/> and delineates them.</summary>
    public static LeadDelineation Delineate(EcgRecord record, int leadIndex, IRPeakDetector? detector = null, WaveletDelineatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rPeaks = (detector ?? RPeakDetectors.Default).Detect(record, leadIndex);
        return Delineate(record.Leads[leadIndex].Span, record.SamplingRate, rPeaks, options);
    }

    private static BeatDelineation WithoutWavesOverGaps(BeatDelineation beat, ReadOnlySpan<double> signal)
    {
        var p = Covers(signal, beat.POnset, beat.POffset);
        var qrs = Covers(signal, beat.QrsOnset, beat.QrsOffset);
        var t = Covers(signal, beat.TOnset, beat.TOffset);
        return beat with
        {
            POnset = p ? null : beat.POnset,
            PPeak = p ? null : beat.PPeak,
            POffset = p ? null : beat.POffset,
            QrsOnset = qrs ? null : beat.QrsOnset,
            QrsOffset = qrs ? null : beat.QrsOffset,
            TOnset = t ? null : beat.TOnset,
            TPeak = t ? null : beat.TPeak,
            TOffset = t ? null : beat.TOffset,
        };
    }

    /// <summary>Whether any sample between the two ends (or at the one end known) is missing.</summary>
    private static bool Covers(ReadOnlySpan<double> signal, int? from, int? to)
    {
        if (from is null && to is null)
        {
            return false;
        }

        var start = from ?? to!.Value;
        var end = to ?? start;
        return NanGaps.Any(signal[start..(end + 1)]);
    }
}
