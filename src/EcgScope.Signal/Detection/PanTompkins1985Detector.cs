using EcgScope.Core;

namespace EcgScope.Signal.Detection;

/// <summary>
/// The QRS detector of Pan &amp; Tompkins (1985), "A real-time QRS detection algorithm", IEEE Transactions on
/// Biomedical Engineering 32(3):230-236.
/// </summary>
/// <remarks>
/// <para>
/// Filters, as in the paper but with their lengths scaled from 200 Hz to the signal's rate so that they keep their
/// frequency response: the integer low-pass (a squared 30 ms moving sum, cut-off about 11 Hz), the high-pass (an
/// 80 ms delay minus a 160 ms moving average, cut-off about 5 Hz), the five-point derivative (points 5 ms apart),
/// squaring and the 150 ms moving-window integrator.
/// </para>
/// <para>
/// Decision rules, as in the paper: two sets of adaptive thresholds (integrated and band-passed signals) tracking
/// signal and noise peak levels (SPKI/NPKI, SPKF/NPKF); a 200 ms refractory period; T-wave discrimination between
/// 200 and 360 ms after a QRS (a peak whose steepest slope is under half the previous QRS's is a T wave); thresholds
/// halved for irregular rhythms; and a search-back with the second (halved) thresholds when no QRS was found within
/// 166 % of the regular RR-interval average (RR AVERAGE2).
/// </para>
/// <para>The detection is finally placed on the R wave of the input signal (largest excursion, either polarity).</para>
/// </remarks>
public sealed class PanTompkins1985Detector : IRPeakDetector
{
    /// <inheritdoc />
    public string Name => "pantompkins1985";

    /// <inheritdoc />
    public int[] Detect(ReadOnlySpan<double> signalMillivolts, SamplingRate rate)
    {
        var hertz = rate.Hertz;
        var stages = new FilterStages(hertz);
        if (signalMillivolts.Length < stages.MinimumLength)
        {
            return [];
        }

        var length = signalMillivolts.Length;
        var input = new double[length];
        DetectorInput.CopyBridgingGaps(signalMillivolts, input);
        var bandPassed = new double[length];
        var squaredSlope = new double[length];
        var integrated = new double[length];
        stages.Run(input, bandPassed, squaredSlope, integrated);

        var peaks = FindPeaks(integrated, bandPassed, squaredSlope, stages);
        var qrs = new DecisionRules(hertz, integrated, bandPassed, stages).Classify(peaks);

        var searchRadius = DetectorInput.Samples(0.080, hertz);
        var result = new int[qrs.Count];
        for (var i = 0; i < qrs.Count; i++)
        {
            var peak = qrs[i];
            result[i] = RWaveLocator.Locate(input, peak.Fiducial - searchRadius, peak.Fiducial + searchRadius);
        }

        return RWaveLocator.StrictlyAscending(result);
    }

    /// <summary>Local maxima of the integrated signal with the features the decision rules need.</summary>
    private static List<Peak> FindPeaks(double[] integrated, double[] bandPassed, double[] squaredSlope, FilterStages stages)
    {
        var peaks = new List<Peak>();
        for (var i = 1; i < integrated.Length - 1; i++)
        {
            if (integrated[i] > integrated[i - 1] && integrated[i] >= integrated[i + 1]
                && IsHighestAround(integrated, i, stages.IntegratorLength))
            {
                // The integrator's window [i - W + 1, i] holds the squared slopes of band-passed samples shifted by
                // the derivative's delay.
                var slopeFrom = Math.Max(0, i - stages.IntegratorLength + 1);
                var bandFrom = Math.Max(0, slopeFrom - stages.DerivativeDelay);
                var bandTo = Math.Max(bandFrom, i - stages.DerivativeDelay);
                var band = bandPassed.AsSpan(bandFrom, bandTo - bandFrom + 1);
                var fiducial = IndexOfMaxAbs(band);
                peaks.Add(new Peak(
                    i,
                    bandFrom + fiducial - stages.BandPassDelay,
                    integrated[i],
                    Math.Abs(band[fiducial]),
                    Max(squaredSlope.AsSpan(slopeFrom, i - slopeFrom + 1))));
            }
        }

        return peaks;
    }

    /// <summary>
    /// Whether <paramref name="index"/> holds the highest value within <paramref name="radius"/> samples: the paper's
    /// peak is where the signal changes direction within a predefined interval, so ripples on the integrator's slopes
    /// are not peaks.
    /// </summary>
    private static bool IsHighestAround(ReadOnlySpan<double> values, int index, int radius)
    {
        var from = Math.Max(0, index - radius);
        var to = Math.Min(values.Length - 1, index + radius);
        for (var i = from; i <= to; i++)
        {
            if (values[i] > values[index] || (values[i] == values[index] && i < index))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfMaxAbs(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (Math.Abs(values[i]) > Math.Abs(values[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    /// <summary>
    /// A peak of the integrated signal: its height, and under it the band-passed peak (whose position, delay
    /// compensated, is the QRS fiducial mark that RR intervals and the refractory period are measured between) and
    /// the steepest slope.
    /// </summary>
    private readonly record struct Peak(int Index, int Fiducial, double Integrated, double BandPassed, double Slope);

    /// <summary>The paper's filter cascade, with every length scaled from 200 Hz.</summary>
    private sealed class FilterStages
    {
        public FilterStages(double hertz)
        {
            var scale = hertz / 200.0;
            LowPassLength = Math.Max(1, (int)Math.Round(6 * scale));
            HighPassLength = Math.Max(2, (int)Math.Round(32 * scale));
            DerivativeStep = Math.Max(1, (int)Math.Round(scale));
            IntegratorLength = DetectorInput.Samples(0.150, hertz);
        }

        /// <summary>The low-pass is (1 - z^-L)^2 / (1 - z^-1)^2: two moving sums of L samples (L = 6 at 200 Hz).</summary>
        public int LowPassLength { get; }

        /// <summary>The high-pass is z^-(M/2) - (1 - z^-M) / (M (1 - z^-1)) (M = 32 at 200 Hz).</summary>
        public int HighPassLength { get; }

        /// <summary>Spacing of the five-point derivative's taps (1 sample at 200 Hz).</summary>
        public int DerivativeStep { get; }

        /// <summary>Samples in the 150 ms moving-window integrator.</summary>
        public int IntegratorLength { get; }

        /// <summary>Group delay of the band-pass (low-pass then high-pass), in samples.</summary>
        public int BandPassDelay => (LowPassLength - 1) + (HighPassLength / 2);

        /// <summary>Group delay of the causal five-point derivative, in samples.</summary>
        public int DerivativeDelay => 2 * DerivativeStep;

        /// <summary>Signals shorter than the filters' memory yield no detection.</summary>
        public int MinimumLength => BandPassDelay + DerivativeDelay + IntegratorLength + 2;

        /// <summary>Runs the cascade over <paramref name="input"/>.</summary>
        public void Run(ReadOnlySpan<double> input, Span<double> bandPassed, Span<double> squaredSlope, Span<double> integrated)
        {
            var length = input.Length;
            var lowPassed = new double[length];
            double firstSum = 0, secondSum = 0;
            var firstSums = new double[length];
            var lowPassGain = 1.0 / (LowPassLength * LowPassLength);
            for (var n = 0; n < length; n++)
            {
                firstSum += input[n] - (n >= LowPassLength ? input[n - LowPassLength] : 0);
                firstSums[n] = firstSum;
                secondSum += firstSum - (n >= LowPassLength ? firstSums[n - LowPassLength] : 0);
                lowPassed[n] = secondSum * lowPassGain;
            }

            var highPassSum = 0.0;
            var halfLength = HighPassLength / 2;
            for (var n = 0; n < length; n++)
            {
                highPassSum += lowPassed[n] - (n >= HighPassLength ? lowPassed[n - HighPassLength] : 0);
                var delayed = n >= halfLength ? lowPassed[n - halfLength] : 0;
                bandPassed[n] = delayed - (highPassSum / HighPassLength);
            }

            var h = DerivativeStep;
            var integral = 0.0;
            for (var n = 0; n < length; n++)
            {
                var slope = n >= 4 * h
                    ? (bandPassed[n] + (2 * bandPassed[n - h]) - (2 * bandPassed[n - (3 * h)]) - bandPassed[n - (4 * h)]) / (8.0 * h)
                    : 0;
                squaredSlope[n] = slope * slope;
                integral += squaredSlope[n] - (n >= IntegratorLength ? squaredSlope[n - IntegratorLength] : 0);
                integrated[n] = integral / IntegratorLength;
            }
        }
    }

    /// <summary>The paper's adaptive thresholds, RR averages, T-wave discrimination and search-back.</summary>
    private sealed class DecisionRules
    {
        private const int RrCount = 8;
        private readonly int refractory;
        private readonly int tWaveWindow;
        private readonly Queue<int> recentRr = new();
        private readonly Queue<int> selectedRr = new();
        private readonly List<Peak> detected = [];
        private readonly List<Peak> sinceLastQrs = [];
        private double signalI, noiseI, signalF, noiseF;
        private double rrAverage1, rrAverage2;
        private bool irregular;

        public DecisionRules(double hertz, ReadOnlySpan<double> integrated, ReadOnlySpan<double> bandPassed, FilterStages stages)
        {
            refractory = DetectorInput.Samples(0.200, hertz);
            tWaveWindow = DetectorInput.Samples(0.360, hertz);
            rrAverage1 = rrAverage2 = hertz;

            // Learning phase 1: the first two seconds set the initial signal and noise levels.
            var learning = Math.Min(integrated.Length, DetectorInput.Samples(2.0, hertz) + stages.BandPassDelay);
            (signalI, noiseI) = InitialLevels(integrated[..learning]);
            (signalF, noiseF) = InitialLevels(bandPassed[..learning]);
        }

        private double ThresholdI1 => (noiseI + (0.25 * (signalI - noiseI))) * (irregular ? 0.5 : 1.0);

        private double ThresholdF1 => (noiseF + (0.25 * (signalF - noiseF))) * (irregular ? 0.5 : 1.0);

        private int MissedLimit => (int)(1.66 * rrAverage2);

        public List<Peak> Classify(List<Peak> peaks)
        {
            foreach (var peak in peaks)
            {
                while (detected.Count > 0 && peak.Fiducial - detected[^1].Fiducial > MissedLimit && SearchBack())
                {
                }

                Consider(peak);
            }

            return detected;
        }

        private static (double Signal, double Noise) InitialLevels(ReadOnlySpan<double> values)
        {
            double max = 0, sum = 0;
            foreach (var value in values)
            {
                max = Math.Max(max, Math.Abs(value));
                sum += Math.Abs(value);
            }

            return (max / 3, sum / Math.Max(1, values.Length) / 2);
        }

        private void Consider(Peak peak)
        {
            var sinceLast = detected.Count > 0 ? peak.Fiducial - detected[^1].Fiducial : int.MaxValue;
            if (sinceLast < refractory)
            {
                return;
            }

            var isQrs = peak.Integrated > ThresholdI1 && peak.BandPassed > ThresholdF1
                && !(sinceLast < tWaveWindow && peak.Slope < 0.5 * detected[^1].Slope);
            if (isQrs)
            {
                signalI = (0.125 * peak.Integrated) + (0.875 * signalI);
                signalF = (0.125 * peak.BandPassed) + (0.875 * signalF);
                Accept(peak);
            }
            else
            {
                noiseI = (0.125 * peak.Integrated) + (0.875 * noiseI);
                noiseF = (0.125 * peak.BandPassed) + (0.875 * noiseF);
                sinceLastQrs.Add(peak);
            }
        }

        /// <summary>Looks for the largest peak since the last QRS that passes the second thresholds.</summary>
        private bool SearchBack()
        {
            var thresholdI2 = 0.5 * ThresholdI1;
            var thresholdF2 = 0.5 * ThresholdF1;
            var last = detected[^1].Fiducial;
            Peak? best = null;
            foreach (var peak in sinceLastQrs)
            {
                if (peak.Fiducial - last >= refractory && peak.Integrated > thresholdI2 && peak.BandPassed > thresholdF2
                    && (best is null || peak.Integrated > best.Value.Integrated))
                {
                    best = peak;
                }
            }

            if (best is not { } found)
            {
                sinceLastQrs.Clear();
                return false;
            }

            signalI = (0.25 * found.Integrated) + (0.75 * signalI);
            signalF = (0.25 * found.BandPassed) + (0.75 * signalF);
            var later = sinceLastQrs.FindAll(p => p.Fiducial > found.Fiducial);
            Accept(found);
            sinceLastQrs.AddRange(later);
            return true;
        }

        private void Accept(Peak peak)
        {
            if (detected.Count > 0)
            {
                UpdateRr(peak.Fiducial - detected[^1].Fiducial);
            }

            detected.Add(peak);
            sinceLastQrs.Clear();
        }

        private void UpdateRr(int rr)
        {
            recentRr.Enqueue(rr);
            if (recentRr.Count > RrCount)
            {
                recentRr.Dequeue();
            }

            rrAverage1 = recentRr.Average();
            irregular = rr < 0.92 * rrAverage2 || rr > 1.16 * rrAverage2;
            if (!irregular)
            {
                // RR AVERAGE2 averages the eight most recent intervals within 92-116 % of itself.
                selectedRr.Enqueue(rr);
                if (selectedRr.Count > RrCount)
                {
                    selectedRr.Dequeue();
                }

                rrAverage2 = selectedRr.Average();
            }

            // A rhythm is regular once eight sequential intervals lie within those limits of RR AVERAGE1: RR AVERAGE2
            // then follows RR AVERAGE1 (this also lets RR AVERAGE2 leave its initial one-second guess).
            if (recentRr.Count == RrCount && recentRr.All(r => r >= 0.92 * rrAverage1 && r <= 1.16 * rrAverage1))
            {
                selectedRr.Clear();
                foreach (var r in recentRr)
                {
                    selectedRr.Enqueue(r);
                }

                rrAverage2 = rrAverage1;
            }
        }
    }
}
