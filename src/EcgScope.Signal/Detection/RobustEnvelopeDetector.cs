using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using EcgScope.Core;
using EcgScope.Signal.Filtering;

namespace EcgScope.Signal.Detection;

/// <summary>
/// EcgScope's own QRS detector, built for accuracy on arrhythmic and noisy recordings and for speed (one filtering
/// pass, no allocation per sample). Not a published algorithm: it combines well-known rules of the Pan &amp; Tompkins
/// family (IEEE TBME 32(3):230-236, 1985) with median-based levels in the manner of Hamilton &amp; Tompkins
/// (IEEE TBME 33(12):1157-1165, 1986).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Band-pass to the QRS band: a second-order Butterworth high-pass at 6 Hz and two second-order Butterworth
/// low-pass sections at 20 Hz in cascade (−24 dB per octave above it: muscle noise lies mostly above the QRS band; a
/// single section let enough of it through to cost 1-2 points of F1 under the noise stress test).</item>
/// <item>Envelope: root-mean-square of the band-passed signal over a QRS-wide (100 ms) window. Staying in amplitude
/// units (not energy) keeps one large ectopic beat or artifact from dominating the levels.</item>
/// <item>Candidates: envelope peaks that are the highest within 200 ms, each with its steepest band-passed slope.</item>
/// <item>Ventricular flutter/fibrillation: candidates in 4 s windows whose Kuo &amp; Dillman VF-filter leakage (on the
/// signal high-passed at 1 Hz) is under 0.55 are dropped (see <see cref="FlutterLeakage"/>; the threshold was chosen
/// on MIT-BIH, where it marks flutter in record 207 only).</item>
/// <item>Decision: a candidate is a QRS when it exceeds noise + 0.35 (signal - noise), where signal and noise are the
/// medians of the last eight QRS and non-QRS peak heights (0.35 chosen on MIT-BIH); within 360 ms of a QRS its
/// steepest slope must also reach half the QRS's (Pan &amp; Tompkins' T-wave rule); nothing within the 200 ms
/// refractory period.</item>
/// <item>Search-back: when no QRS came within 150 % of the median RR interval, the highest candidate since the last
/// QRS that passes half the threshold (and the T-wave rule) is taken.</item>
/// <item>Extra beats in noise: a detection made while the noise level was at least 0.15 of the QRS level is dropped when
/// it splits one ordinary RR interval (its neighbours are at most 1.2 median RR apart) and is lower than 0.9 times
/// both neighbours: the pattern of a noise peak between two beats. Clean stretches are left alone, so that short
/// intervals of real arrhythmias (atrial fibrillation, ectopy) are not touched. The cascade, this rule and the
/// T-wave factor were chosen on the even-numbered MIT-BIH records under muscle noise and the odd-numbered LUDB records
/// (docs/qrs-benchmark.md reports the other halves).</item>
/// <item>Location: the largest band-passed excursion in the 100 ms up to the envelope peak, then the largest
/// excursion of the input signal, either polarity, within ±80 ms of it.</item>
/// </list>
/// </remarks>
public sealed class RobustEnvelopeDetector : IRPeakDetector
{
    /// <inheritdoc />
    public string Name => "robust-envelope";

    /// <inheritdoc />
    public int[] Detect(ReadOnlySpan<double> signalMillivolts, SamplingRate rate)
    {
        var hertz = rate.Hertz;
        var window = DetectorInput.Samples(0.100, hertz);
        var length = signalMillivolts.Length;
        if (length < 4 * window)
        {
            return [];
        }

        var bandPassed = ArrayPool<float>.Shared.Rent(length);
        var meanEnergy = ArrayPool<float>.Shared.Rent(length);
        var baselineFree = ArrayPool<float>.Shared.Rent(length);

        // Missing samples are bridged first, as everywhere in EcgScope (NanGaps); a lead without any is filtered as it is.
        var bridged = NanGaps.Any(signalMillivolts) ? ArrayPool<double>.Shared.Rent(length) : null;
        try
        {
            var input = signalMillivolts;
            if (bridged is not null)
            {
                DetectorInput.CopyBridgingGaps(signalMillivolts, bridged.AsSpan(0, length));
                input = bridged.AsSpan(0, length);
            }

            Filter(input, hertz, window, bandPassed.AsSpan(0, length), meanEnergy.AsSpan(0, length), baselineFree.AsSpan(0, length));
            var candidates = FindCandidates(meanEnergy.AsSpan(0, length), bandPassed.AsSpan(0, length), hertz, window);
            RemoveFlutter(candidates, baselineFree.AsSpan(0, length), hertz);
            var qrs = ExtraBeats.Remove(new Decision(hertz, candidates).Run());

            // The envelope peak lags the QRS's steep onset on wide (paced, ventricular) complexes: look back 100 ms.
            var lookBack = DetectorInput.Samples(0.100, hertz);
            var radius = DetectorInput.Samples(0.080, hertz);
            var result = new int[qrs.Count];
            for (var i = 0; i < qrs.Count; i++)
            {
                var fiducial = IndexOfLargest(bandPassed.AsSpan(0, length), qrs[i].Position - lookBack, qrs[i].Position);
                result[i] = RWaveLocator.Locate(signalMillivolts, fiducial - radius, fiducial + radius);
            }

            return RWaveLocator.StrictlyAscending(result);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(bandPassed);
            ArrayPool<float>.Shared.Return(meanEnergy);
            ArrayPool<float>.Shared.Return(baselineFree);
            if (bridged is not null)
            {
                ArrayPool<double>.Shared.Return(bridged);
            }
        }
    }

    /// <summary>
    /// Band-passes the signal (every sample valid: gaps bridged) and computes its centred mean energy over the window
    /// in one pass (the RMS envelope is its square root, taken only at candidate peaks: same peaks, no square root per
    /// sample).
    /// </summary>
    private static void Filter(ReadOnlySpan<double> signal, double hertz, int window, Span<float> bandPassed, Span<float> meanEnergy, Span<float> baselineFree)
    {
        // The QRS high-pass and the baseline high-pass see the same input: they run side by side in one register.
        var highPasses = new BiquadPair(Biquad.HighPass(HighPassHertz, hertz), Biquad.HighPass(BaselineHertz, hertz));
        var lowPasses = new BiquadCascade(Biquad.LowPass(LowPassHertz, hertz), Biquad.LowPass(LowPassHertz, hertz));
        var half = window / 2;
        var first = signal[0];
        var sum = 0.0;
        double scale = 1.0f / window;

        // Two loops rather than two tests per sample (about a tenth of the filtering time): while the window fills,
        // nothing leaves it and the centred energy starts half a window in. The filtering lines are the same in both.
        var i = 0;
        for (; i < window; i++)
        {
            var highPassed = highPasses.Next(signal[i] - first);
            baselineFree[i] = (float)highPassed.GetElement(1);
            var filtered = bandPassed[i] = (float)lowPasses.Next(highPassed.GetElement(0));
            sum += filtered * filtered;
            if (i >= half)
            {
                meanEnergy[i - half] = (float)(sum * scale);
            }
        }

        for (; i < signal.Length; i++)
        {
            var highPassed = highPasses.Next(signal[i] - first);
            baselineFree[i] = (float)highPassed.GetElement(1);
            var filtered = bandPassed[i] = (float)lowPasses.Next(highPassed.GetElement(0));
            sum += filtered * filtered;
            var leaving = bandPassed[i - window];
            sum -= leaving * leaving;
            meanEnergy[i - half] = (float)(sum * scale);
        }

        meanEnergy[(signal.Length - half)..].Clear();
    }

    private const double BaselineHertz = 1.0;
    private const double FlutterWindowSeconds = 4.0;
    private const double FlutterLeakageThreshold = 0.55;
    private const double HighPassHertz = 6.0;
    private const double LowPassHertz = 20.0;

    /// <summary>
    /// Drops the candidates that lie in 4 s windows of ventricular flutter or fibrillation (see
    /// <see cref="FlutterLeakage"/>): their waves are not QRS complexes.
    /// </summary>
    private static void RemoveFlutter(List<Candidate> candidates, ReadOnlySpan<float> baselineFree, double hertz)
    {
        var windowLength = DetectorInput.Samples(FlutterWindowSeconds, hertz);
        Span<bool> isFlutter = new bool[(baselineFree.Length + windowLength - 1) / windowLength];
        if (FlutterLeakage.Mark(baselineFree, windowLength, FlutterLeakageThreshold, isFlutter) == 0)
        {
            return;
        }

        var kept = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            if (!isFlutter[candidates[c].Position / windowLength])
            {
                candidates[kept++] = candidates[c];
            }
        }

        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    /// <summary>Envelope peaks that are the highest within the refractory period, with their steepest slopes.</summary>
    private static List<Candidate> FindCandidates(ReadOnlySpan<float> energy, ReadOnlySpan<float> bandPassed, double hertz, int window)
    {
        var radius = DetectorInput.Samples(0.200, hertz);
        var half = window / 2;
        var candidates = new List<Candidate>(energy.Length / radius);
        var i = NextLocalMaximum(energy, 1);
        while (i < energy.Length - 1)
        {
            // One forward pass instead of rescanning every window: the samples between a peak and the first higher
            // one after it cannot be candidates (the peak is in their look-back and at least as high), and neither
            // can the samples within the radius after a peak that nothing there exceeds.
            var higher = FirstHigher(energy, i, radius);
            if (higher > 0)
            {
                i = NextLocalMaximum(energy, higher);
                continue;
            }

            if (IsHigherThanPreceding(energy, i, radius))
            {
                candidates.Add(new Candidate(i, MathF.Sqrt(Math.Max(energy[i], 0)), SteepestSlope(bandPassed, i - half, i + half)));
            }

            i = NextLocalMaximum(energy, i + radius + 1);
        }

        return candidates;
    }

    /// <summary>
    /// The first index from <paramref name="from"/> on that is higher than the sample before it and at least as high
    /// as the one after it; the last index if none.
    /// </summary>
    private static int NextLocalMaximum(ReadOnlySpan<float> values, int from)
    {
        var last = values.Length - 1;
        var i = from;

        // Eight samples at a time: most of the envelope is slope, and a scalar test there mispredicts often.
        for (; i + Vector256<float>.Count <= last; i += Vector256<float>.Count)
        {
            var here = Vector256.Create(values[i..]);
            var rising = Vector256.GreaterThan(here, Vector256.Create(values[(i - 1)..]));
            var notFalling = Vector256.GreaterThanOrEqual(here, Vector256.Create(values[(i + 1)..]));
            var maxima = (rising & notFalling).ExtractMostSignificantBits();
            if (maxima != 0)
            {
                return i + BitOperations.TrailingZeroCount(maxima);
            }
        }

        for (; i < last; i++)
        {
            if (values[i] > values[i - 1] && values[i] >= values[i + 1])
            {
                return i;
            }
        }

        return last;
    }

    /// <summary>The first index within <paramref name="radius"/> after <paramref name="index"/> whose value exceeds it; -1 if none.</summary>
    private static int FirstHigher(ReadOnlySpan<float> values, int index, int radius)
    {
        var after = values[(index + 1)..Math.Min(values.Length, index + radius + 1)];
        var higher = IndexOfFirstAbove(after, values[index]);
        return higher < 0 ? -1 : index + 1 + higher;
    }

    /// <summary>Whether the value at <paramref name="index"/> exceeds every value within <paramref name="radius"/> before it.</summary>
    private static bool IsHigherThanPreceding(ReadOnlySpan<float> values, int index, int radius)
    {
        var before = values[Math.Max(0, index - radius)..index];
        var value = values[index];
        var i = 0;
        for (; i <= before.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            if (Vector256.GreaterThanOrEqualAny(Vector256.Create(before[i..]), Vector256.Create(value)))
            {
                return false;
            }
        }

        for (; i < before.Length; i++)
        {
            if (before[i] >= value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the first value above <paramref name="threshold"/>, eight at a time; -1 if none.</summary>
    private static int IndexOfFirstAbove(ReadOnlySpan<float> values, float threshold)
    {
        var i = 0;
        for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var above = Vector256.GreaterThan(Vector256.Create(values[i..]), Vector256.Create(threshold)).ExtractMostSignificantBits();
            if (above != 0)
            {
                return i + BitOperations.TrailingZeroCount(above);
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] > threshold)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the band-passed signal is largest in magnitude within [from, to]: the QRS's fiducial point.</summary>
    private static int IndexOfLargest(ReadOnlySpan<float> values, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(values.Length - 1, to);
        var best = from;
        var largest = Math.Abs(values[from]);
        for (var i = from + 1; i <= to; i++)
        {
            var magnitude = Math.Abs(values[i]);
            if (magnitude > largest)
            {
                best = i;
                largest = magnitude;
            }
        }

        return best;
    }

    private static float SteepestSlope(ReadOnlySpan<float> values, int from, int to)
    {
        from = Math.Max(1, from);
        to = Math.Min(values.Length - 1, to);
        var steepest = 0f;
        for (var i = from; i <= to; i++)
        {
            steepest = Math.Max(steepest, Math.Abs(values[i] - values[i - 1]));
        }

        return steepest;
    }

    /// <summary>An envelope peak: where, how high, and the steepest band-passed slope under it.</summary>
    /// <param name="Position">Sample index of the envelope peak.</param>
    /// <param name="Height">The RMS envelope there.</param>
    /// <param name="Slope">The steepest band-passed slope within the envelope window.</param>
    /// <param name="NoiseRatio">For a detection: the noise level over the QRS level when it was accepted.</param>
    private readonly record struct Candidate(int Position, float Height, float Slope, float NoiseRatio = 0);

    /// <summary>Drops the noise peaks that split an ordinary RR interval in noisy stretches (see the remarks).</summary>
    private static class ExtraBeats
    {
        private const double NoisyRatio = 0.15;
        private const double IntervalTolerance = 0.2;
        private const double HeightFraction = 0.9;

        public static List<Candidate> Remove(List<Candidate> qrs)
        {
            if (qrs.Count < 3)
            {
                return qrs;
            }

            var intervals = new RecentValues(8);
            intervals.Fill(MedianInterval(qrs));
            var kept = new List<Candidate>(qrs.Count) { qrs[0] };
            for (var i = 1; i < qrs.Count - 1; i++)
            {
                var before = kept[^1];
                var candidate = qrs[i];
                var after = qrs[i + 1];
                var isExtra = candidate.NoiseRatio >= NoisyRatio
                    && after.Position - before.Position <= (1 + IntervalTolerance) * intervals.Median()
                    && candidate.Height < HeightFraction * Math.Min(before.Height, after.Height);
                if (!isExtra)
                {
                    intervals.Add(candidate.Position - before.Position);
                    kept.Add(candidate);
                }
            }

            kept.Add(qrs[^1]);
            return kept;
        }

        private static double MedianInterval(List<Candidate> qrs)
        {
            var intervals = new double[qrs.Count - 1];
            for (var i = 1; i < qrs.Count; i++)
            {
                intervals[i - 1] = qrs[i].Position - qrs[i - 1].Position;
            }

            return Statistics.Median(intervals);
        }
    }

    /// <summary>The adaptive decision rules: median levels, refractory period, T-wave rule and search-back.</summary>
    private sealed class Decision
    {
        private const int History = 8;
        private const double ThresholdFraction = 0.35;
        private const double TWaveSlopeFraction = 0.5;
        private readonly List<Candidate> candidates;
        private readonly int refractory;
        private readonly int tWaveWindow;
        private readonly RecentValues signalLevels = new(History);
        private readonly RecentValues noiseLevels = new(History);
        private readonly RecentValues rrIntervals = new(History);
        private readonly List<Candidate> detected = [];
        private int firstSinceLast;

        public Decision(double hertz, List<Candidate> candidates)
        {
            this.candidates = candidates;
            refractory = DetectorInput.Samples(0.200, hertz);
            tWaveWindow = DetectorInput.Samples(0.360, hertz);
            rrIntervals.Fill(hertz);

            // Initial levels from the first two seconds: the highest peak is taken as a QRS, the rest as noise.
            var learning = DetectorInput.Samples(2.0, hertz);
            var highest = 0f;
            var sum = 0.0;
            var count = 0;
            foreach (var candidate in candidates)
            {
                if (candidate.Position > learning)
                {
                    break;
                }

                highest = Math.Max(highest, candidate.Height);
                sum += candidate.Height;
                count++;
            }

            signalLevels.Fill(highest);
            noiseLevels.Fill(count > 1 ? (sum - highest) / (count - 1) * 0.5 : highest * 0.1);
        }

        private double Threshold
        {
            get
            {
                var noise = noiseLevels.Median();
                return noise + (ThresholdFraction * (signalLevels.Median() - noise));
            }
        }

        public List<Candidate> Run()
        {
            for (var c = 0; c < candidates.Count; c++)
            {
                var candidate = candidates[c];
                while (detected.Count > 0 && candidate.Position - detected[^1].Position > 1.5 * rrIntervals.Median() && SearchBack(c))
                {
                }

                if (IsQrs(candidate, Threshold))
                {
                    Accept(candidate, c);
                }
                else
                {
                    noiseLevels.Add(candidate.Height);
                }
            }

            return detected;
        }

        private bool IsQrs(Candidate candidate, double threshold)
        {
            if (candidate.Height <= threshold)
            {
                return false;
            }

            if (detected.Count == 0)
            {
                return true;
            }

            var last = detected[^1];
            var sinceLast = candidate.Position - last.Position;
            return sinceLast >= refractory && (sinceLast >= tWaveWindow || candidate.Slope >= TWaveSlopeFraction * last.Slope);
        }

        /// <summary>Takes the highest candidate since the last QRS that passes half the threshold, if any.</summary>
        private bool SearchBack(int end)
        {
            var threshold = 0.5 * Threshold;
            var best = -1;
            for (var c = firstSinceLast; c < end; c++)
            {
                if (IsQrs(candidates[c], threshold) && (best < 0 || candidates[c].Height > candidates[best].Height))
                {
                    best = c;
                }
            }

            if (best < 0)
            {
                firstSinceLast = end;
                return false;
            }

            Accept(candidates[best], best);
            return true;
        }

        private void Accept(Candidate candidate, int index)
        {
            if (detected.Count > 0)
            {
                rrIntervals.Add(candidate.Position - detected[^1].Position);
            }

            detected.Add(candidate with { NoiseRatio = (float)(noiseLevels.Median() / signalLevels.Median()) });
            signalLevels.Add(candidate.Height);
            firstSinceLast = index + 1;
        }
    }

    /// <summary>The last few values of a series, with their median (kept until the next change: it is read per candidate).</summary>
    private sealed class RecentValues(int capacity)
    {
        private readonly double[] values = new double[capacity];
        private readonly double[] sorted = new double[capacity];
        private int next;
        private double? median;

        public void Add(double value)
        {
            values[next] = value;
            next = (next + 1) % values.Length;
            median = null;
        }

        public void Fill(double value)
        {
            Array.Fill(values, value);
            median = null;
        }

        public double Median() => median ??= SortedMedian();

        private double SortedMedian()
        {
            // Insertion sort: for eight values it is several times faster than Array.Sort, and CompareTo orders them
            // exactly as Array.Sort does (NaN first).
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                var j = i;
                for (; j > 0 && sorted[j - 1].CompareTo(value) > 0; j--)
                {
                    sorted[j] = sorted[j - 1];
                }

                sorted[j] = value;
            }

            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
