using System.Collections.Immutable;
using System.Text.Json;

namespace EcgScope.Imaging.Digitizing;

/// <summary>What the digitizer found on a printout, as the CLI and the REST API print it (JSON: camelCase, units in names).</summary>
/// <param name="Arrangement">The lead arrangement (<see cref="Layout.LeadArrangement"/>'s name in camelCase, e.g. <c>threeByFourWithRhythm</c>).</param>
/// <param name="MillimetersPerSecond">The paper speed.</param>
/// <param name="MillimetersPerMillivolt">The gain.</param>
/// <param name="PixelsPerMillimeter">The image's scale on the paper.</param>
/// <param name="SkewDegrees">How far the image was rotated to straighten it.</param>
/// <param name="Confidence">How far to trust the digitized record, 0..1.</param>
/// <param name="LowConfidence">Whether the confidence is below <see cref="DigitizedPrintout.LowConfidence"/>: the record should not be used.</param>
/// <param name="Concerns">Why the confidence is lower than 1.</param>
/// <param name="Leads">Each printed lead stretch and how much of it was traced.</param>
public sealed record DigitizationSummary(
    string Arrangement,
    double MillimetersPerSecond,
    double MillimetersPerMillivolt,
    double PixelsPerMillimeter,
    double SkewDegrees,
    double Confidence,
    bool LowConfidence,
    ImmutableArray<string> Concerns,
    ImmutableArray<DigitizedLeadSummary> Leads)
{
    /// <summary>The summary of <paramref name="printout"/>, rounded for people.</summary>
    public static DigitizationSummary Of(DigitizedPrintout printout)
    {
        ArgumentNullException.ThrowIfNull(printout);
        return new(
            JsonNamingPolicy.CamelCase.ConvertName(printout.Layout.Arrangement.ToString()),
            printout.Layout.Scale.MillimetersPerSecond,
            printout.Layout.Scale.MillimetersPerMillivolt,
            Math.Round(printout.PixelsPerMillimeter, 4),
            Math.Round(printout.SkewDegrees, 2),
            Math.Round(printout.Confidence, 3),
            printout.Confidence < DigitizedPrintout.LowConfidence,
            printout.Concerns,
            [.. printout.Panels.Select(DigitizedLeadSummary.Of)]);
    }
}

/// <summary>One printed lead stretch in a <see cref="DigitizationSummary"/>.</summary>
/// <param name="Name">The lead.</param>
/// <param name="StartSeconds">The moment of the recording at the panel's left edge.</param>
/// <param name="DurationSeconds">How much of the recording the panel shows.</param>
/// <param name="Coverage">The share of the panel's width where a trace was found, 0..1.</param>
public sealed record DigitizedLeadSummary(string Name, double StartSeconds, double DurationSeconds, double Coverage)
{
    /// <summary>The summary of <paramref name="panel"/>.</summary>
    public static DigitizedLeadSummary Of(DigitizedPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new(panel.Panel.Lead, panel.Panel.StartSeconds, panel.Panel.DurationSeconds, Math.Round(panel.Coverage, 3));
    }
}
