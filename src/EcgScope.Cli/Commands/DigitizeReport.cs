using System.Globalization;
using EcgScope.Imaging.Digitizing;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope digitize</c> prints.</summary>
internal sealed record DigitizeReport(
    string File,
    string RecordHeader,
    string OverlayPng,
    string Arrangement,
    double MillimetersPerSecond,
    double MillimetersPerMillivolt,
    double PixelsPerMillimeter,
    double SkewDegrees,
    double Confidence,
    bool LowConfidence,
    IReadOnlyList<string> Concerns,
    double DurationSeconds,
    double SamplingRateHz,
    IReadOnlyList<DigitizedLeadSummary> Leads) : ITextReport
{
    public static DigitizeReport From(string file, string header, string overlay, DigitizedPrintout printout) => new(
        file,
        header,
        overlay,
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(printout.Layout.Arrangement.ToString()),
        printout.Layout.Scale.MillimetersPerSecond,
        printout.Layout.Scale.MillimetersPerMillivolt,
        Math.Round(printout.PixelsPerMillimeter, 4),
        Math.Round(printout.SkewDegrees, 2),
        Math.Round(printout.Confidence, 3),
        printout.Confidence < DigitizedPrintout.LowConfidence,
        printout.Concerns,
        printout.Record.DurationSeconds,
        printout.Record.SamplingRate.Hertz,
        [.. printout.Panels.Select(DigitizedLeadSummary.Of)]);

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(File);
        writer.WriteLine(string.Create(text, $"  layout            {Arrangement}, {MillimetersPerSecond:0.#} mm/s, {MillimetersPerMillivolt:0.#} mm/mV"));
        writer.WriteLine(string.Create(text, $"  scale             {PixelsPerMillimeter:0.###} px/mm ({PixelsPerMillimeter * 25.4:0} dpi), straightened by {SkewDegrees:0.##}°"));
        writer.WriteLine(string.Create(text, $"  confidence        {Confidence:0.00}{(LowConfidence ? " (low: do not use this record)" : "")}"));
        foreach (var concern in Concerns)
        {
            writer.WriteLine($"    - {concern}");
        }

        writer.WriteLine(string.Create(text, $"  record            {RecordHeader} ({DurationSeconds:0.##} s at {SamplingRateHz:0} Hz, 12 leads)"));
        writer.WriteLine($"  overlay           {OverlayPng}");
        writer.WriteLine("  panels");
        foreach (var lead in Leads)
        {
            writer.WriteLine(string.Create(text, $"    {lead.Name,-4} {lead.StartSeconds,5:0.##} s + {lead.DurationSeconds,5:0.##} s  trace found in {lead.Coverage:P0} of its width"));
        }
    }
}

/// <summary>One printed lead stretch in <see cref="DigitizeReport"/>.</summary>
internal sealed record DigitizedLeadSummary(string Name, double StartSeconds, double DurationSeconds, double Coverage)
{
    public static DigitizedLeadSummary Of(DigitizedPanel panel) =>
        new(panel.Panel.Lead, panel.Panel.StartSeconds, panel.Panel.DurationSeconds, Math.Round(panel.Coverage, 3));
}
