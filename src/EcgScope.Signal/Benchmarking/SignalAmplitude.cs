using EcgScope.Core;

namespace EcgScope.Signal.Benchmarking;

/// <summary>
/// The amplitude estimators of WFDB's <c>sigamp</c>, which PhysioNet's noise stress test (<c>nst</c>) uses to set a
/// signal-to-noise ratio: trimmed means (the lowest and highest twentieth left out) of at most 300 measurements.
/// </summary>
public static class SignalAmplitude
{
    /// <summary>The most measurements <c>sigamp</c> takes (its NMAX).</summary>
    public const int MaximumMeasurements = 300;

    /// <summary>
    /// The typical QRS amplitude: the peak-to-peak range of the lead within ±50 ms of each of the first 300 normal
    /// beats (WFDB's <c>map1</c> class NORMAL, see <see cref="IsNormalForAmplitude"/>), trimmed mean, in the lead's unit.
    /// </summary>
    /// <param name="lead">The clean lead.</param>
    /// <param name="beats">The record's annotations; beats outside the lead or whose window leaves it are skipped.</param>
    /// <param name="rate">The lead's sampling rate.</param>
    /// <returns>The amplitude; NaN when no normal beat could be measured.</returns>
    public static double QrsPeakToPeak(ReadOnlySpan<double> lead, IEnumerable<Annotation> beats, SamplingRate rate)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var halfWindow = rate.SamplesIn(0.05);
        var amplitudes = new List<double>(MaximumMeasurements);
        foreach (var beat in beats)
        {
            if (amplitudes.Count == MaximumMeasurements)
            {
                break;
            }

            var from = beat.SampleIndex - halfWindow;
            var to = beat.SampleIndex + halfWindow;
            if (!IsNormalForAmplitude(beat.Code) || from < 0 || to >= lead.Length)
            {
                continue;
            }

            var range = PeakToPeak(lead[from..(to + 1)]);
            if (double.IsFinite(range))
            {
                amplitudes.Add(range);
            }
        }

        return TrimmedMean(amplitudes);
    }

    /// <summary>
    /// The typical noise amplitude: the root-mean-square deviation from the window's mean in consecutive 1 s windows
    /// from the start (at most 300), trimmed mean, in the lead's unit.
    /// </summary>
    /// <returns>The amplitude; NaN when the lead is shorter than one second.</returns>
    public static double Rms(ReadOnlySpan<double> lead, SamplingRate rate)
    {
        var window = rate.SamplesIn(1.0);
        var amplitudes = new List<double>(MaximumMeasurements);
        for (var from = 0; from + window <= lead.Length && amplitudes.Count < MaximumMeasurements; from += window)
        {
            var samples = lead.Slice(from, window);
            var mean = Statistics.Mean(samples);
            var sum = 0.0;
            foreach (var value in samples)
            {
                sum += (value - mean) * (value - mean);
            }

            if (double.IsFinite(sum))
            {
                amplitudes.Add(Math.Sqrt(sum / window));
            }
        }

        return TrimmedMean(amplitudes);
    }

    /// <summary>
    /// Whether WFDB's <c>map1</c> counts the beat as NORMAL: normal, bundle branch block, aberrated, supraventricular
    /// premature and escape, nodal, paced, unclassifiable and fusion-of-paced beats; not ventricular ones.
    /// </summary>
    public static bool IsNormalForAmplitude(AnnotationCode code) => code is AnnotationCode.Normal
        or AnnotationCode.LeftBundleBranchBlock or AnnotationCode.RightBundleBranchBlock
        or AnnotationCode.AberratedAtrialPremature or AnnotationCode.NodalPremature or AnnotationCode.AtrialPremature
        or AnnotationCode.SupraventricularPremature or AnnotationCode.NodalEscape or AnnotationCode.Paced
        or AnnotationCode.Unclassifiable or AnnotationCode.BundleBranchBlock or AnnotationCode.AtrialEscape
        or AnnotationCode.SupraventricularEscape or AnnotationCode.FusionPacedNormal;

    /// <summary>Largest minus smallest value; NaN if any value is NaN.</summary>
    private static double PeakToPeak(ReadOnlySpan<double> window)
    {
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        foreach (var value in window)
        {
            if (double.IsNaN(value))
            {
                return double.NaN;
            }

            lowest = Math.Min(lowest, value);
            highest = Math.Max(highest, value);
        }

        return highest - lowest;
    }

    private static double TrimmedMean(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var low = values.Count / 20;
        var high = values.Count - low;
        var sum = 0.0;
        for (var i = low; i < high; i++)
        {
            sum += values[i];
        }

        return sum / (high - low);
    }
}
