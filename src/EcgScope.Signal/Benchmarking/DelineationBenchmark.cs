using EcgScope.Core;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Benchmarking;

/// <summary>Which records of a database numbered 1..N a benchmark takes (LUDB: thresholds tuned on the odd ones).</summary>
public enum RecordParity
{
    /// <summary>Every record.</summary>
    All,

    /// <summary>Odd-numbered records (the delineator's thresholds were tuned on these).</summary>
    Odd,

    /// <summary>Even-numbered records (held out).</summary>
    Even,
}

/// <summary>The lead-level measures of <see cref="LeadWaveMeasures"/> that <see cref="DelineationBenchmark"/> checks.</summary>
public enum WaveMeasure
{
    /// <summary>T amplitude against the PR baseline, mV.</summary>
    TAmplitude,

    /// <summary>ST deviation at J + 60 ms against the PR baseline, mV.</summary>
    StDeviation,

    /// <summary>PR interval, ms.</summary>
    Pr,

    /// <summary>QRS duration, ms.</summary>
    Qrs,

    /// <summary>QT interval, ms.</summary>
    Qt,
}

/// <summary>How a lead-level measure of the analysis agrees with the same measure taken at the annotated points.</summary>
/// <param name="Measure">Which measure.</param>
/// <param name="Leads">Leads where both sides measured it.</param>
/// <param name="MeanDifference">Mean of ours − reference in the measure's unit (mV or ms; NaN without leads).</param>
/// <param name="DifferenceStandardDeviation">Sample standard deviation of ours − reference (NaN with fewer than two leads).</param>
/// <param name="MeanAbsoluteDifference">Mean of |ours − reference| (NaN without leads).</param>
public sealed record MeasureAgreement(WaveMeasure Measure, int Leads, double MeanDifference, double DifferenceStandardDeviation, double MeanAbsoluteDifference);

/// <summary>T-wave inversion as the analysis calls it against the call at the annotated T peaks, counted over leads.</summary>
/// <param name="Both">Inverted by both.</param>
/// <param name="OursOnly">Inverted by ours only.</param>
/// <param name="ReferenceOnly">Inverted at the annotated points only.</param>
/// <param name="Neither">Inverted by neither.</param>
public sealed record InversionAgreement(int Both, int OursOnly, int ReferenceOnly, int Neither)
{
    /// <summary>Share of leads where both agree (0..1; NaN without leads).</summary>
    public double Agreement => (double)(Both + Neither) / (Both + OursOnly + ReferenceOnly + Neither);
}

/// <summary>The result of <see cref="DelineationBenchmark"/>.</summary>
/// <param name="Records">Records scored.</param>
/// <param name="Leads">Leads scored.</param>
/// <param name="Fiducials">Per fiducial: Se, +P and the timing error of the delineator against the annotations.</param>
/// <param name="Measures">Per measure the analysis reports (T amplitude, ST deviation, PR, QRS, QT): agreement with the same measure at the annotated points.</param>
/// <param name="TWaveInversion">T-wave inversion, ours against the annotated points.</param>
public sealed record DelineationBenchmarkResult(
    int Records, int Leads, IReadOnlyList<DelineationScore> Fiducials, IReadOnlyList<MeasureAgreement> Measures, InversionAgreement TWaveInversion);

/// <summary>
/// Scores wave delineation on records annotated per lead as LUDB is (each annotation's <see cref="Annotation.Channel"/>
/// its lead): the fiducial points of <see cref="WaveletDelineator"/> on every lead with the default detector's R peaks
/// (<see cref="DelineationScorer"/>), and the measures <see cref="EcgAnalysis"/> reports for each lead against the
/// same measures (<see cref="WaveIntervals"/>, <see cref="DelineationSummary"/>) taken at the annotated points.
/// </summary>
public static class DelineationBenchmark
{
    /// <summary>Whether a record named <paramref name="recordName"/> (its number, as LUDB names them) is in <paramref name="parity"/>; a name that is not a number is only in <see cref="RecordParity.All"/>.</summary>
    public static bool Includes(this RecordParity parity, string recordName) =>
        parity == RecordParity.All
        || (int.TryParse(recordName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number % 2 == (parity == RecordParity.Odd ? 1 : 0));

    /// <summary>Scores every lead of every record (read as they are reached).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static DelineationBenchmarkResult Run(
        IEnumerable<EcgRecord> records, int recordCount, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var scorer = new DelineationScorer();
        var pairs = Enum.GetValues<WaveMeasure>().ToDictionary(m => m, _ => new List<double>());
        int both = 0, oursOnly = 0, referenceOnly = 0, neither = 0, recordsDone = 0, leadsDone = 0;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress(recordsDone, recordCount));
            var analysis = EcgAnalysis.Analyze(record, cancellationToken: cancellationToken);
            for (var lead = 0; lead < record.Leads.Length; lead++)
            {
                var leadIndex = lead;
                var reference = DelineationReference.FromWaveAnnotations(record.Annotations.Where(a => a.Channel == leadIndex));
                var samples = record.Leads[lead].Span;
                scorer.Add(WaveletDelineator.Delineate(record, lead, RPeakDetectors.Default), reference);

                var annotated = reference.Beats(record.SamplingRate);
                var ours = analysis.Leads[lead].Waves;
                var theirs = new LeadWaveMeasures(
                    annotated.Beats.Length, WaveIntervals.Measure(annotated), DelineationSummary.Measure(record.Leads[lead].Name, samples, annotated), null);
                foreach (var (measure, list) in pairs)
                {
                    if (ValueOf(measure, ours) is { } a && ValueOf(measure, theirs) is { } b)
                    {
                        list.Add(a - b);
                    }
                }

                switch (ours.Repolarisation.TWaveInverted, theirs.Repolarisation.TWaveInverted)
                {
                    case (true, true): both++; break;
                    case (true, false): oursOnly++; break;
                    case (false, true): referenceOnly++; break;
                    case (false, false): neither++; break;
                }

                leadsDone++;
            }

            recordsDone++;
        }

        progress?.Report(new WorkProgress(recordsDone, recordCount));
        return new DelineationBenchmarkResult(
            recordsDone,
            leadsDone,
            scorer.Scores(),
            [.. pairs.Select(pair => Agreement(pair.Key, pair.Value))],
            new InversionAgreement(both, oursOnly, referenceOnly, neither));
    }

    private static double? ValueOf(WaveMeasure measure, LeadWaveMeasures waves) => measure switch
    {
        WaveMeasure.TAmplitude => waves.Repolarisation.TAmplitudeMillivolts,
        WaveMeasure.StDeviation => waves.Repolarisation.StDeviationMillivolts,
        WaveMeasure.Pr => waves.Intervals.PrMilliseconds,
        WaveMeasure.Qrs => waves.Intervals.QrsMilliseconds,
        _ => waves.Intervals.QtMilliseconds,
    };

    private static MeasureAgreement Agreement(WaveMeasure measure, List<double> differences)
    {
        var values = differences.ToArray();
        return new MeasureAgreement(
            measure,
            values.Length,
            values.Length > 0 ? Statistics.Mean(values) : double.NaN,
            values.Length > 1 ? Statistics.SampleStandardDeviation(values) : double.NaN,
            values.Length > 0 ? values.Average(Math.Abs) : double.NaN);
    }
}
