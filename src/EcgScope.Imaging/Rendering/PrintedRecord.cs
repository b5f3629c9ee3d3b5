using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Rendering;

/// <summary>
/// The record as a layout prints it: the twelve standard leads over the whole recording at its rate, each holding its
/// printed stretches and NaN elsewhere (a rhythm strip's lead is whole). The form the digitizer returns.
/// </summary>
public static class PrintedRecord
{
    /// <summary>The printed form of <paramref name="record"/> under <paramref name="layout"/>.</summary>
    /// <exception cref="ArgumentException">The record lacks one of the twelve standard leads.</exception>
    public static EcgRecord From(EcgRecord record, PrintoutLayout layout)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(layout);
        var leads = ImmutableArray.CreateBuilder<EcgLead>(PrintoutLayout.TwelveLeads.Length);
        foreach (var name in PrintoutLayout.TwelveLeads)
        {
            var source = SourceLead(record, name).Span;
            var printed = new double[record.SampleCount];
            Array.Fill(printed, double.NaN);
            foreach (var panel in layout.Panels.Where(panel => panel.Lead == name))
            {
                var (first, end) = SampleRange(panel, record.SamplingRate, record.SampleCount);
                source[first..end].CopyTo(printed.AsSpan(first));
            }

            leads.Add(EcgLead.FromOwnedArray(name, printed));
        }

        return new EcgRecord(leads.MoveToImmutable(), record.SamplingRate) { StartTime = record.StartTime, Metadata = record.Metadata };
    }

    /// <summary>
    /// The samples a panel prints: from the first at or after its start to the last before its end (so neighbouring
    /// columns share none), clipped to the <paramref name="sampleCount"/> the record has.
    /// </summary>
    public static (int First, int End) SampleRange(LeadPanel panel, SamplingRate rate, int sampleCount)
    {
        ArgumentNullException.ThrowIfNull(panel);

        // The tolerance keeps a start of exactly 2.5 s at 500 Hz on sample 1250 despite rounding in the product.
        var first = (int)Math.Ceiling((panel.StartSeconds * rate.Hertz) - 1e-6);
        var end = (int)Math.Ceiling(((panel.StartSeconds + panel.DurationSeconds) * rate.Hertz) - 1e-6);
        first = Math.Clamp(first, 0, sampleCount);
        return (first, Math.Clamp(end, first, sampleCount));
    }

    /// <summary>The record's lead called <paramref name="name"/> (case-insensitive: PTB-XL writes AVR).</summary>
    /// <exception cref="ArgumentException">The record has no such lead.</exception>
    public static EcgLead SourceLead(EcgRecord record, string name)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.FindLead(name)
            ?? throw new ArgumentException(
                $"A printout needs the twelve standard leads; the record has no lead '{name}' (it has {string.Join(", ", record.LeadNames)}).",
                nameof(record));
    }
}
