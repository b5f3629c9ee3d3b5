using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Layout;
using EcgScope.Signal;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Detection;
using EcgScope.Signal.Features;

namespace EcgScope.Imaging.Features;

/// <summary>
/// A fixed, named feature vector of one digitized printout for classifying it from its signal: the digitizer's
/// confidence; per standard lead, the repolarisation and QRS measures over the stretch the printout shows of it
/// (<see cref="LeadMorphology"/>); a few summaries across leads; and <see cref="RhythmFeatures"/> of the rhythm strip
/// (the lead printed longest). Beats are found once on the rhythm strip, whose time runs with every other panel's on a
/// printout, and each lead's beat is its own extremum near that time, so a lead's 2.5 s with two or three beats is
/// never left to a detector alone. A measure that cannot be taken (a lead not printed, no beat delineated) is NaN.
/// </summary>
public static class PrintoutFeatures
{
    /// <summary>Prefix of the rhythm strip's features.</summary>
    public const string RhythmPrefix = "rhythm.";

    /// <summary>Margin at each end of a lead's stretch inside which a beat is not measured, seconds (its waves would be cut).</summary>
    public const double EdgeSeconds = 0.15;

    /// <summary>How far from the rhythm strip's R peak a lead's own QRS extremum is looked for, seconds.</summary>
    public const double PeakSearchSeconds = 0.05;

    private static readonly ImmutableArray<string> SummaryNames =
        ["digitizerConfidence", "invertedTLeadCount", "maxStElevationMv", "maxStDepressionMv", "qWaveLeadCount"];

    /// <summary>The feature names in vector order: the summaries, then <c>LEAD.measure</c> per lead, then <c>rhythm.NAME</c>.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        .. SummaryNames,
        .. from lead in PrintoutLayout.TwelveLeads from measure in LeadMorphology.Names select $"{lead}.{measure}",
        .. RhythmFeatures.Names.Select(name => RhythmPrefix + name),
    ];

    /// <summary>The features of a digitized printout (its record and confidence).</summary>
    public static double[] Compute(DigitizedPrintout printout)
    {
        ArgumentNullException.ThrowIfNull(printout);
        return Compute(printout.Record, printout.Confidence);
    }

    /// <summary>
    /// The features of a twelve-lead record as a printout gives it (NaN where a lead was not printed), with the
    /// digitizer's <paramref name="confidence"/> (0..1). Leads are found by their standard names; a missing one is NaN.
    /// </summary>
    public static double[] Compute(EcgRecord record, double confidence)
    {
        ArgumentNullException.ThrowIfNull(record);
        var features = new double[Names.Length];
        features.AsSpan().Fill(double.NaN);
        features[0] = confidence;
        var rate = record.SamplingRate;
        var rhythm = record.Leads.MaxBy(lead => FiniteRun(lead.Span).Length);
        var rhythmRun = rhythm is null ? default : FiniteRun(rhythm.Span);
        if (rhythm is null || rhythmRun.Length == 0)
        {
            return features;
        }

        var rhythmSamples = rhythm.Span.Slice(rhythmRun.Start, rhythmRun.Length);
        var rPeaks = RPeakDetectors.Default.Detect(rhythmSamples, rate).Select(peak => peak + rhythmRun.Start).ToArray();
        var morphologies = new List<LeadMorphology>();
        for (var l = 0; l < PrintoutLayout.TwelveLeads.Length; l++)
        {
            if (record.FindLead(PrintoutLayout.TwelveLeads[l]) is not { } lead)
            {
                continue;
            }

            var morphology = Measure(lead, rate, rPeaks);
            morphologies.Add(morphology);
            morphology.Values.CopyTo(features.AsSpan(SummaryNames.Length + (l * LeadMorphology.Names.Length)));
        }

        WriteSummaries(morphologies, features);
        RhythmFeatures.Compute(rhythmSamples, rate, features.AsSpan(Names.Length - RhythmFeatures.Names.Length));
        return features;
    }

    private static LeadMorphology Measure(EcgLead lead, SamplingRate rate, int[] rPeaks)
    {
        var run = FiniteRun(lead.Span);
        var samples = lead.Span.Slice(run.Start, run.Length);
        var edge = rate.SamplesIn(EdgeSeconds);
        var search = rate.SamplesIn(PeakSearchSeconds);
        var peaks = new List<int>();
        foreach (var peak in rPeaks)
        {
            var local = peak - run.Start;
            if (local >= edge && local < run.Length - edge)
            {
                var refined = Extremum(samples, local - search, local + search);
                if (peaks.Count == 0 || refined > peaks[^1])
                {
                    peaks.Add(refined);
                }
            }
        }

        var delineation = WaveletDelineator.Delineate(samples, rate, peaks.ToArray());
        return LeadMorphology.Measure(lead.Name, samples, delineation);
    }

    private static void WriteSummaries(List<LeadMorphology> leads, double[] features)
    {
        // aVR's T wave is normally inverted and its ST mirrors the others: it would only blur the summaries.
        var measured = leads.Where(lead => lead.LeadName != "aVR").ToList();
        features[1] = measured.Count(lead => lead.Repolarisation.TWaveInverted == true);
        var st = measured.Select(lead => lead.Repolarisation.StDeviationMillivolts).OfType<double>().ToArray();
        features[2] = st.Length > 0 ? st.Max() : double.NaN;
        features[3] = st.Length > 0 ? st.Min() : double.NaN;
        features[4] = measured.Count(lead => lead.QDepthMillivolts >= LeadMorphology.QWaveMillivolts);
    }

    /// <summary>The index in [from, to] (clamped to the signal) where the signal strays farthest from the segment's median.</summary>
    private static int Extremum(ReadOnlySpan<double> samples, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(samples.Length - 1, to);
        var median = Statistics.Median(samples[from..(to + 1)].ToArray());
        var best = from;
        for (var i = from; i <= to; i++)
        {
            if (Math.Abs(samples[i] - median) > Math.Abs(samples[best] - median))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The longest stretch of finite samples (a printed panel), or an empty range.</summary>
    private static (int Start, int Length) FiniteRun(ReadOnlySpan<double> samples)
    {
        (int Start, int Length) best = (0, 0);
        var start = -1;
        for (var i = 0; i <= samples.Length; i++)
        {
            var finite = i < samples.Length && double.IsFinite(samples[i]);
            if (finite && start < 0)
            {
                start = i;
            }
            else if (!finite && start >= 0)
            {
                if (i - start > best.Length)
                {
                    best = (start, i - start);
                }

                start = -1;
            }
        }

        return best;
    }
}
