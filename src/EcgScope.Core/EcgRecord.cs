using System.Collections.Immutable;

namespace EcgScope.Core;

/// <summary>
/// An ECG recording: one or more leads of equal length in millivolts, sampled at one rate, with metadata and
/// annotations. Immutable: processing steps return new records.
/// </summary>
public sealed record EcgRecord
{
    /// <summary>Creates a record; every lead must have the same number of samples.</summary>
    public EcgRecord(ImmutableArray<EcgLead> leads, SamplingRate samplingRate)
    {
        if (leads.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A record needs at least one lead.", nameof(leads));
        }

        var length = leads[0].Length;
        foreach (var lead in leads)
        {
            if (lead.Length != length)
            {
                throw new ArgumentException(
                    $"Every lead must have the same length: '{leads[0].Name}' has {length} samples, '{lead.Name}' has {lead.Length}.",
                    nameof(leads));
            }
        }

        Leads = leads;
        SamplingRate = samplingRate;
    }

    /// <summary>The leads, in the source's order. Set only through the constructor or <see cref="WithLeads"/>, which check them.</summary>
    public ImmutableArray<EcgLead> Leads { get; }

    /// <summary>Samples per second, common to all leads.</summary>
    public SamplingRate SamplingRate { get; }

    /// <summary>When the first sample was recorded, if the source says.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>What the source says about the recording.</summary>
    public EcgMetadata Metadata { get; init; } = EcgMetadata.Empty;

    /// <summary>Annotations ordered by sample index.</summary>
    public ImmutableArray<Annotation> Annotations { get; init; } = [];

    /// <summary>Samples per lead.</summary>
    public int SampleCount => Leads[0].Length;

    /// <summary>Length of the recording in seconds.</summary>
    public double DurationSeconds => SampleCount / SamplingRate.Hertz;

    /// <summary>The names of the leads, in order.</summary>
    public IEnumerable<string> LeadNames => Leads.Select(lead => lead.Name);

    /// <summary>The lead called <paramref name="name"/> (case-insensitive), or null.</summary>
    public EcgLead? FindLead(string name) =>
        Leads.FirstOrDefault(lead => string.Equals(lead.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A record with the same metadata and annotations and new leads at a (possibly) new rate.</summary>
    /// <remarks>
    /// Annotations are rescaled to the new rate so that they keep pointing at the same moment. One that rounds to just
    /// past the new last sample stays on it; those whose moment lies after the new record's end are dropped.
    /// </remarks>
    public EcgRecord WithLeads(ImmutableArray<EcgLead> leads, SamplingRate samplingRate)
    {
        var record = new EcgRecord(leads, samplingRate);
        var scale = samplingRate.Hertz / SamplingRate.Hertz;
        var lastSample = record.SampleCount - 1;
        var annotations = ImmutableArray.CreateBuilder<Annotation>(Annotations.Length);
        foreach (var annotation in Annotations)
        {
            var moved = annotation.SampleIndex * scale;
            if (moved <= lastSample + 0.5)
            {
                annotations.Add(annotation with { SampleIndex = Math.Min((int)Math.Round(moved), lastSample) });
            }
        }

        return record with { StartTime = StartTime, Metadata = Metadata, Annotations = annotations.ToImmutable() };
    }
}
