using System.Globalization;
using EcgScope.Core;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope info</c> prints.</summary>
internal sealed record InfoReport(
    string File,
    string Format,
    double SamplingRateHz,
    int SampleCount,
    double DurationSeconds,
    DateTimeOffset? StartTime,
    IReadOnlyList<LeadSummary> Leads,
    string? Device,
    string? Software,
    string? DeviceClassification,
    double? DeviceHeartRateBpm,
    IReadOnlyList<string> Comments,
    IReadOnlyDictionary<string, string> Properties,
    int AnnotationCount,
    int BeatAnnotationCount) : ITextReport
{
    /// <summary>
    /// The report for <paramref name="record"/> read from <paramref name="file"/>; the format is the one the reader
    /// names in the record, else <paramref name="readerName"/>. <paramref name="leadAnnotations"/> counts the
    /// annotations of each lead's own file (LUDB's 1.i, 1.ii, …), by lead name.
    /// </summary>
    public static InfoReport From(string file, EcgRecord record, string readerName, IReadOnlyDictionary<string, int>? leadAnnotations = null) => new(
        file,
        record.Metadata.SourceFormat ?? readerName,
        record.SamplingRate.Hertz,
        record.SampleCount,
        record.DurationSeconds,
        record.StartTime,
        [.. record.Leads.Select(lead => LeadSummary.Of(lead, leadAnnotations?.GetValueOrDefault(lead.Name)))],
        record.Metadata.Device,
        record.Metadata.Software,
        record.Metadata.DeviceClassification,
        record.Metadata.DeviceHeartRateBpm,
        record.Metadata.Comments,
        new SortedDictionary<string, string>(record.Metadata.Properties, StringComparer.Ordinal),
        record.Annotations.Length,
        record.Annotations.Count(a => a.IsBeat));

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"{File}"));
        writer.WriteLine(string.Create(text, $"  format            {Format}"));
        writer.WriteLine(string.Create(text, $"  sampling rate     {SamplingRateHz:0.###} Hz"));
        writer.WriteLine(string.Create(text, $"  duration          {DurationSeconds:0.###} s ({SampleCount} samples per lead)"));
        WriteIfPresent(writer, "start time", StartTime?.ToString("yyyy-MM-dd HH:mm:ss zzz", text));
        WriteIfPresent(writer, "device", Device);
        WriteIfPresent(writer, "software", Software);
        WriteIfPresent(writer, "device verdict", DeviceClassification);
        WriteIfPresent(writer, "device rate", DeviceHeartRateBpm?.ToString("0.# 'bpm'", text));
        writer.WriteLine(string.Create(text, $"  annotations       {AnnotationCount} ({BeatAnnotationCount} beats)"));
        writer.WriteLine(string.Create(text, $"  leads             {Leads.Count}"));
        foreach (var lead in Leads)
        {
            writer.WriteLine(string.Create(
                text,
                $"    {lead.Name,-8} {lead.MinimumMv,8:0.000} to {lead.MaximumMv,7:0.000} mV, {lead.MissingSamples} missing{(lead.AnnotationCount is { } count ? $", {count} annotations in its own file" : "")}"));
        }

        foreach (var (name, value) in Properties)
        {
            writer.WriteLine($"  {name,-17} {value}");
        }

        foreach (var comment in Comments)
        {
            writer.WriteLine($"  # {comment}");
        }
    }

    private static void WriteIfPresent(TextWriter writer, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            writer.WriteLine($"  {label,-17} {value}");
        }
    }
}

/// <summary>Range and gaps of one lead, and the annotations of its own file when it has one (LUDB).</summary>
internal sealed record LeadSummary(string Name, double MinimumMv, double MaximumMv, int MissingSamples, int? AnnotationCount)
{
    public static LeadSummary Of(EcgLead lead, int? annotationCount)
    {
        double minimum = double.PositiveInfinity, maximum = double.NegativeInfinity;
        var missing = 0;
        foreach (var sample in lead.Span)
        {
            if (double.IsNaN(sample))
            {
                missing++;
                continue;
            }

            minimum = Math.Min(minimum, sample);
            maximum = Math.Max(maximum, sample);
        }

        return missing == lead.Length
            ? new(lead.Name, double.NaN, double.NaN, missing, annotationCount)
            : new(lead.Name, minimum, maximum, missing, annotationCount);
    }
}
