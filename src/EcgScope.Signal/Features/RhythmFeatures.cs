using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Detection;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Quality;

namespace EcgScope.Signal.Features;

/// <summary>
/// A fixed, named vector of measures of one ECG lead for rhythm classification (Normal, AF, Other, Noisy as in the
/// PhysioNet/CinC Challenge 2017), after the feature sets that did well there (the winners' and Datta et al. 2017's):
/// RR statistics and AF evidence (<see cref="RrIrregularity"/>), the beats' shape and P-wave evidence
/// (<see cref="BeatMorphology"/>), where the power lies (<see cref="SpectrumShape"/>), the signal-quality indices of
/// <see cref="SignalQuality"/> and the agreement of two R-peak detectors, amplitude statistics and the duration. R peaks come from the default detector on the
/// lead as recorded; shape and amplitude are measured on the lead band-passed 0.5–40 Hz as <c>EcgAnalysis</c> does.
/// Never throws for a lead's content: a measure that is undefined (a short, flat, empty or beatless lead) is NaN.
/// </summary>
public static class RhythmFeatures
{
    /// <summary>Shortest lead measured, in seconds of valid samples; a shorter one gets only its duration.</summary>
    public const double MinimumSeconds = 2;

    /// <summary>Lowest sampling rate measured, in Hz (the band-pass reaches 40 Hz).</summary>
    public const double MinimumSamplingRateHz = 90;

    /// <summary>Farthest apart two detectors' beats may be and still agree, in seconds (Li, Mark &amp; Clifford's 150 ms).</summary>
    public const double AgreementToleranceSeconds = 0.15;

    private static readonly (string Feature, string Index)[] QualityIndices =
    [
        ("qualityKurtosis", "kSQI"), ("qualityPSqi", "pSQI"), ("qualityBasSqi", "basSQI"), ("qualityTemplateSqi", "templateSQI"),
        ("qualityFlatShare", "flat"), ("qualityClippingShare", "clipping"), ("qualityMissingShare", "missing"),
    ];

    private static readonly ImmutableArray<string> SignalNames =
        ["durationSeconds", .. QualityIndices.Select(pair => pair.Feature), "qualityVerdict", "detectorAgreementF1", "amplitudeSdMv", "amplitudeRangeMv", "amplitudeSkewness"];

    /// <summary>The feature names (camelCase, units in the name where they have one), in vector order.</summary>
    public static ImmutableArray<string> Names { get; } =
        [.. SignalNames, .. RrIrregularity.Names, .. BeatMorphology.Names, .. SpectrumShape.Names];

    /// <summary>What a feature describes, in plain words (e.g. "the intervals between beats"), for explaining a verdict.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static string Aspect(string name) =>
        SignalNames.Contains(name) ? "the signal's quality and amplitude"
        : RrIrregularity.Names.Contains(name) ? "the intervals between beats"
        : BeatMorphology.Names.Contains(name) ? "the shape of the beats and P waves"
        : SpectrumShape.Names.Contains(name) ? "where the signal's power lies"
        : throw new ArgumentException($"'{name}' is not a rhythm feature.", nameof(name));

    /// <summary>The features of the lead at <paramref name="leadIndex"/> of <paramref name="record"/>.</summary>
    public static double[] Compute(EcgRecord record, int leadIndex = 0, IRPeakDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(leadIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leadIndex, record.Leads.Length);
        var features = new double[Names.Length];
        Compute(record.Leads[leadIndex].Span, record.SamplingRate, features, detector);
        return features;
    }

    /// <summary>
    /// Writes the features of <paramref name="samplesMillivolts"/> into <paramref name="features"/>
    /// (<see cref="Names"/>.Length long); <paramref name="detector"/> defaults to <see cref="RPeakDetectors.Default"/>.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> samplesMillivolts, SamplingRate samplingRate, Span<double> features, IRPeakDetector? detector = null)
    {
        if (features.Length != Names.Length)
        {
            throw new ArgumentException($"Room for {features.Length} features; there are {Names.Length}.", nameof(features));
        }

        features.Fill(double.NaN);
        features[0] = samplesMillivolts.Length / samplingRate.Hertz;
        if (samplingRate.Hertz < MinimumSamplingRateHz || ValidCount(samplesMillivolts) < MinimumSeconds * samplingRate.Hertz)
        {
            return;
        }

        var bridged = new double[samplesMillivolts.Length];
        NanGaps.Bridge(samplesMillivolts, bridged);
        var cleaned = bridged.ToArray();
        Butterworth.BandPass(EcgFilters.DefaultOrder, 0.5, Math.Min(40, 0.45 * samplingRate.Hertz), samplingRate).FiltFilt(cleaned, cleaned);
        detector ??= RPeakDetectors.Default;
        var peaks = detector.Detect(samplesMillivolts, samplingRate);
        var otherPeaks = RPeakDetectors.All.First(other => other.Name != detector.Name).Detect(samplesMillivolts, samplingRate);

        var offset = 0;
        MeasureSignal(samplesMillivolts, cleaned, samplingRate, peaks, otherPeaks, Next(features, SignalNames.Length, ref offset));
        RrIrregularity.Measure(peaks, samplingRate.Hertz, Next(features, RrIrregularity.Names.Length, ref offset));
        BeatMorphology.Measure(cleaned, samplingRate, peaks, Next(features, BeatMorphology.Names.Length, ref offset));
        SpectrumShape.Measure(bridged, samplingRate, Next(features, SpectrumShape.Names.Length, ref offset));
    }

    private static Span<double> Next(Span<double> features, int length, ref int offset)
    {
        var slice = features.Slice(offset, length);
        offset += length;
        return slice;
    }

    private static void MeasureSignal(
        ReadOnlySpan<double> samples, ReadOnlySpan<double> cleaned, SamplingRate rate, ReadOnlySpan<int> peaks, ReadOnlySpan<int> otherPeaks, Span<double> output)
    {
        var features = new FeatureWriter(SignalNames.AsSpan(), output);
        features.Write("durationSeconds", samples.Length / rate.Hertz);
        var quality = SignalQuality.Assess("lead", samples, rate, peaks);
        foreach (var (feature, index) in QualityIndices)
        {
            features.Write(feature, quality.Indices.FirstOrDefault(q => q.Name == index)?.Value ?? double.NaN);
        }

        features.Write("qualityVerdict", (int)quality.Verdict);

        // bSQI (Li, Mark & Clifford 2008): two detectors agree on clean beats and disagree on noise.
        features.Write("detectorAgreementF1", BeatMatcher.Match(peaks, otherPeaks, rate.SamplesIn(AgreementToleranceSeconds)).Score().F1);
        features.Write("amplitudeSdMv", Statistics.SampleStandardDeviation(cleaned));
        var sorted = cleaned.ToArray();
        Array.Sort(sorted);
        features.Write("amplitudeRangeMv", Statistics.QuantileOfSorted(sorted, 0.99) - Statistics.QuantileOfSorted(sorted, 0.01));
        features.Write("amplitudeSkewness", Skewness(cleaned));
    }

    private static double Skewness(ReadOnlySpan<double> values)
    {
        var mean = Statistics.Mean(values);
        double m2 = 0, m3 = 0;
        foreach (var value in values)
        {
            var d = value - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        m2 /= values.Length;
        m3 /= values.Length;
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : double.NaN;
    }

    private static int ValidCount(ReadOnlySpan<double> samples)
    {
        var count = 0;
        foreach (var x in samples)
        {
            count += double.IsFinite(x) ? 1 : 0;
        }

        return count;
    }
}
