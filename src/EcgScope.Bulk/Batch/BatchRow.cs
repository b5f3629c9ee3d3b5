using EcgScope.Reports.Documents;

namespace EcgScope.Bulk.Batch;

/// <summary>
/// The results of one record, one row of the results file. The measures are those of the lead the rhythm was read
/// from (<see cref="MeasuredLead"/>: the first of the best quality with beats); <see cref="QualityVerdict"/> is the
/// worst lead's. A record that could not be read or analysed has only <see cref="Error"/> besides the file's identity.
/// </summary>
/// <param name="File">The record's name, relative to the input folder.</param>
/// <param name="FileBytes">Its files' length together, bytes (with <paramref name="FileModifiedUtc"/>: which version was analysed).</param>
/// <param name="FileModifiedUtc">Its files' latest write time, UTC.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="DurationSeconds">Its length, s.</param>
/// <param name="SamplingRateHz">Its sampling rate, Hz.</param>
/// <param name="Leads">How many leads it has.</param>
/// <param name="MeasuredLead">The lead the measures below come from; null when no lead has two beats.</param>
/// <param name="HeartRateBpm">Mean heart rate from the corrected R-peaks, bpm.</param>
/// <param name="MedianHeartRateBpm">Median heart rate, bpm.</param>
/// <param name="SdnnMs">SDNN, ms; null when HRV is not computed (too few beats or too short).</param>
/// <param name="RmssdMs">RMSSD, ms; null likewise.</param>
/// <param name="QualityVerdict">excellent, acceptable or unacceptable: the worst lead's verdict.</param>
/// <param name="Models">One outcome per model asked for, in the order asked; empty when the record failed.</param>
/// <param name="ElapsedMs">The time reading and analysing it took, ms.</param>
/// <param name="Error">Why the record could not be read or analysed (the reader's message); null when it was.</param>
public sealed record BatchRow(
    string File,
    long FileBytes,
    DateTime FileModifiedUtc,
    string? Format,
    double? DurationSeconds,
    double? SamplingRateHz,
    int? Leads,
    string? MeasuredLead,
    double? HeartRateBpm,
    double? MedianHeartRateBpm,
    double? SdnnMs,
    double? RmssdMs,
    string? QualityVerdict,
    IReadOnlyList<ModelOutcome> Models,
    double ElapsedMs,
    string? Error)
{
    /// <summary>The row of a record that was analysed.</summary>
    /// <param name="source">The record.</param>
    /// <param name="report">Its analysis and verdicts.</param>
    /// <param name="models">The models asked for, in the order of the columns.</param>
    /// <param name="elapsedMs">How long reading and analysing took, ms.</param>
    public static BatchRow From(RecordSource source, RecordReport report, IReadOnlyList<string> models, double elapsedMs)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(models);
        var analysis = report.Analysis;
        var lead = analysis.Leads.FirstOrDefault(l => l.Name == analysis.Summary.ReferenceLead);
        return new BatchRow(
            source.Name,
            source.Bytes,
            source.LastWriteUtc,
            analysis.Format,
            analysis.DurationSeconds,
            analysis.SamplingRateHz,
            analysis.Leads.Count,
            lead?.Name,
            lead?.HeartRateBpm,
            lead?.MedianHeartRateBpm,
            lead?.HrvTimeDomain?.SdnnMs,
            lead?.HrvTimeDomain?.RmssdMs,
            analysis.Summary.WorstVerdict,
            [.. models.Select(model => ModelOutcome.Of(model, report))],
            elapsedMs,
            null);
    }

    /// <summary>The row of a record that could not be read or analysed.</summary>
    public static BatchRow Failed(RecordSource source, string error, double elapsedMs)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(source.Name, source.Bytes, source.LastWriteUtc, null, null, null, null, null, null, null, null, null, null, [], elapsedMs, error);
    }
}

/// <summary>One model's outcome on one record.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Verdict">The classes it found (", " between several; "None" for a multi-label model that found none),
/// "Inconclusive", or "not applicable" when it cannot read the record.</param>
/// <param name="TopProbability">The highest calibrated class probability, 0 to 1; null when it did not run.</param>
/// <param name="InconclusiveReason">Why it withheld a verdict or did not run; null for a verdict.</param>
public sealed record ModelOutcome(string Model, string Verdict, double? TopProbability, string? InconclusiveReason)
{
    /// <summary>The verdict shown for a model that cannot read the record.</summary>
    public const string NotApplicable = "not applicable";

    /// <summary>The outcome of <paramref name="model"/> in <paramref name="report"/>.</summary>
    public static ModelOutcome Of(string model, RecordReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Classification.Verdicts.FirstOrDefault(v => string.Equals(v.Model, model, StringComparison.OrdinalIgnoreCase)) is { } verdict)
        {
            return new ModelOutcome(model, verdict.Verdict, verdict.Probabilities.Max(p => p.Probability), verdict.InconclusiveReason);
        }

        var reason = report.ClassificationResult.NotApplicable.FirstOrDefault(n => string.Equals(n.Model, model, StringComparison.OrdinalIgnoreCase))?.Reason;
        return new ModelOutcome(model, NotApplicable, null, reason ?? "not run");
    }
}
