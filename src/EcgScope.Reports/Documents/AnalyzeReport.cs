using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Signal.Analysis;

namespace EcgScope.Reports.Documents;

/// <summary>What <c>ecgscope analyze</c> prints for one file: the pipeline, the record summary, then every lead.</summary>
public sealed record AnalyzeReport(
    string File,
    string Format,
    double SamplingRateHz,
    double DurationSeconds,
    string Detector,
    PipelineOutput Pipeline,
    string? DeviceClassification,
    double? DeviceHeartRateBpm,
    SummaryOutput Summary,
    IReadOnlyList<LeadReport> Leads,
    string Disclaimer) : ITextReport
{
    /// <summary>Shown wherever a person sees measurements.</summary>
    public const string DisclaimerText =
        "EcgScope measures signals; it does not diagnose. These figures are not medical advice: "
        + "see a qualified clinician about any concern.";

    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>The report of the library's result, field by field.</summary>
    public static AnalyzeReport From(string file, string readerName, EcgRecord record, EcgAnalysisResult analysis, bool includePeaks) => new(
        file,
        record.Metadata.SourceFormat ?? readerName,
        record.SamplingRate.Hertz,
        record.DurationSeconds,
        analysis.DetectorName,
        PipelineOutput.From(analysis.Pipeline),
        record.Metadata.DeviceClassification,
        record.Metadata.DeviceHeartRateBpm,
        SummaryOutput.From(analysis.Summary),
        [.. analysis.Leads.Select(lead => LeadReport.From(lead, record.SamplingRate, includePeaks))],
        DisclaimerText);

    /// <summary>
    /// The lead whose R-peaks a trace marks: the summary's reference lead, else the first lead that has R-peak times;
    /// null when the report was made without them.
    /// </summary>
    public LeadReport? MarkedLead() =>
        Leads.FirstOrDefault(lead => lead.Name == Summary.ReferenceLead && lead.RPeakSeconds is not null) ?? Leads.FirstOrDefault(lead => lead.RPeakSeconds is not null);

    /// <summary>The R-peaks of <see cref="MarkedLead"/> as sample indices of a record sampled at <paramref name="rate"/>; empty without R-peak times.</summary>
    public ImmutableArray<int> MarkedRPeaks(SamplingRate rate) =>
        MarkedLead()?.RPeakSeconds is { } seconds ? [.. seconds.Select(s => (int)Math.Round(s * rate.Hertz))] : [];

    /// <inheritdoc />
    public void WriteText(TextWriter writer)
    {
        writer.WriteLine(string.Create(Text, $"{File} ({Format}, {SamplingRateHz:0.###} Hz, {DurationSeconds:0.#} s, R-peaks by {Detector})"));
        writer.WriteLine($"  pipeline         {Pipeline.Steps}");
        foreach (var measure in Pipeline.Measures)
        {
            writer.WriteLine($"    {measure.Measure + ":",-19} {measure.Input} ({measure.Reason})");
        }

        if (DeviceClassification is not null)
        {
            writer.WriteLine(string.Create(Text, $"  device says: {DeviceClassification}{(DeviceHeartRateBpm is { } bpm ? $", {bpm:0} bpm" : "")}"));
        }

        var shared = Leads.Count > 1 ? SharedNotes() : [];
        if (Leads.Count > 1)
        {
            WriteSummary(writer, shared);
        }

        foreach (var lead in Leads)
        {
            lead.WriteText(writer, shared);
        }

        writer.WriteLine();
        writer.WriteLine(Disclaimer);
    }

    private void WriteSummary(TextWriter writer, IReadOnlyList<string> shared)
    {
        writer.WriteLine();
        writer.WriteLine(string.Create(Text, $"  record ({Leads.Count} leads)"));
        writer.WriteLine(Summary.ConsensusHeartRateBpm is { } bpm
            ? string.Create(Text, $"    heart rate       {bpm:0} bpm (median over leads {string.Join(", ", Summary.HeartRateLeads)})")
            : "    heart rate       not measurable in any lead");
        if (Summary.FusedBeatCount is { } beats)
        {
            var fusedRate = Summary.FusedHeartRateBpm is { } fusedBpm ? string.Create(Text, $", {fusedBpm:0} bpm from them") : "";
            writer.WriteLine(string.Create(Text, $"    fused beats      {beats} found by at least half of the {Leads.Count} leads{fusedRate}"));
        }

        writer.WriteLine(Summary.IrregularIntervalPercent is { } percent
            ? string.Create(Text, $"    rhythm           {Summary.Regularity}: {percent:0.#} % of successive RR intervals change by more than 20 % (lead {Summary.ReferenceLead})")
            : "    rhythm           unknown: too few beats");
        writer.WriteLine($"    intervals        {Summary.Intervals.Describe()}, median over leads");
        writer.WriteLine(Summary.TWaveInvertedLeads.Count == 0
            ? "    T wave           inverted in no lead"
            : $"    T wave           inverted in {string.Join(", ", Summary.TWaveInvertedLeads)}");
        writer.WriteLine(Summary.WorstLeads.Count == 0
            ? "    quality          excellent in every lead"
            : $"    quality          worst: {Summary.WorstVerdict} in {string.Join(", ", Summary.WorstLeads)}");
        foreach (var note in shared)
        {
            writer.WriteLine($"    every lead:      {note}");
        }
    }

    /// <summary>Notes that hold for every lead, printed once in the summary instead of once per lead.</summary>
    private List<string> SharedNotes()
    {
        var notes = Leads[0].QualityNotes().Where(note => Leads.All(lead => lead.QualityNotes().Contains(note))).ToList();
        notes.AddRange(Leads[0].HrvUnavailable.Keys
            .Where(measure => Leads.All(lead => lead.HrvUnavailable.ContainsKey(measure)))
            .Select(measure => LeadReport.HrvNote(measure, Leads[0].HrvUnavailable[measure]) + $" (so in lead {Leads[0].Name}; alike in the others)"));
        return notes;
    }
}
