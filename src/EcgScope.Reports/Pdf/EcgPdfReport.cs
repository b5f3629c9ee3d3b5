using System.Globalization;
using System.Reflection;
using EcgScope.Core;
using EcgScope.Reports.Documents;
using SkiaSharp;

namespace EcgScope.Reports.Pdf;

/// <summary>
/// A person's PDF report of one analysed recording, on A4 landscape pages: what was read and when, the measurements,
/// each model's verdict, and the ECG on paper at true size (25 mm/s, 10 mm/mV) as vector lines; the disclaimer,
/// the EcgScope version and "page N of M" at the foot of every page.
/// </summary>
/// <remarks>
/// Words come from the ReportText resources of <c>culture</c> (English and Dutch; others fall back to English words),
/// numbers and dates from <c>culture</c> itself. Culture-specific formats need ICU: an application with
/// <c>InvariantGlobalization</c> on cannot create most cultures, so set it off where reports are made. Text is
/// written as text (DejaVu Sans embedded), so it can be selected, searched and read aloud.
/// </remarks>
public static class EcgPdfReport
{
    /// <summary>The longest stretch of trace drawn, in seconds from the record's start: the first 5 minutes.</summary>
    public const double MaximumTraceSeconds = 300;

    /// <summary>The most pages of trace (a record with many leads reaches it before <see cref="MaximumTraceSeconds"/>).</summary>
    public const int MaximumTracePages = 30;

    /// <summary>Writes the report to <paramref name="output"/> and returns its number of pages.</summary>
    /// <remarks>
    /// Writes synchronously (SkiaSharp has no asynchronous PDF writer): a web server, which refuses synchronous writes
    /// to a response, writes to a <see cref="MemoryStream"/> and sends that. Keeps no state between calls.
    /// </remarks>
    /// <param name="output">Where the PDF goes; left open.</param>
    /// <param name="record">The record analysed, for its trace, start time and device.</param>
    /// <param name="analysis">The measurements (<see cref="AnalyzeReport.From"/>); R-peaks are marked on the trace when it was made with them.</param>
    /// <param name="classification">The models' verdicts, or null where no model ran.</param>
    /// <param name="createdAt">When the analysis was made, printed with its offset from UTC.</param>
    /// <param name="culture">The language of words and the format of numbers and dates ("en", "nl", "nl-NL", …).</param>
    public static int Write(
        Stream output, EcgRecord record, AnalyzeReport analysis, ClassifyReport? classification, DateTimeOffset createdAt, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(culture);
        var text = new ReportText(culture);
        var version = Version();
        using var flow = new PageFlow();
        AddOverview(flow, text, record, analysis, createdAt);
        MeasurementSection.Add(flow, text, analysis);
        VerdictSection.Add(flow, text, classification);
        TraceSection.Add(flow, text, record, analysis, MaximumTraceSeconds, MaximumTracePages);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{text["Title"]}: {analysis.File}",
            Creator = $"EcgScope {version}",
            Producer = $"EcgScope {version}",
            Creation = createdAt.UtcDateTime,
            Modified = createdAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var footer = text.Format("Footer", version, analysis.File, text.Moment(createdAt));
            flow.Render(document, (canvas, page, pages) => AddFooter(flow, canvas, text, footer, page, pages));
            document.Close();
        }

        return flow.PageCount;
    }

    /// <summary>The title and what was read: when, from which file and format, how long, at what rate, by which device.</summary>
    private static void AddOverview(PageFlow flow, ReportText text, EcgRecord record, AnalyzeReport analysis, DateTimeOffset createdAt)
    {
        flow.Text(text["Title"], TextStyle.Title);
        flow.Gap(TextStyle.Body.LineHeight / 2);
        flow.Field(text["Analysed"], text.Moment(createdAt));
        flow.Field(text["Recorded"], record.StartTime is { } start ? text.Moment(start) : text["Unknown"]);
        flow.Field(text["File"], analysis.File);
        flow.Field(text["Format"], analysis.Format);
        var duration = text.Format("Seconds", analysis.DurationSeconds);
        flow.Field(text["Duration"], analysis.DurationSeconds >= 60 ? $"{duration} ({text.Format("Minutes", analysis.DurationSeconds / 60)})" : duration);
        flow.Field(text["SamplingRate"], text.Format("Hertz", analysis.SamplingRateHz));
        flow.Field(text["Leads"], string.Join(", ", record.LeadNames));
        if (record.Metadata.Device is { } device)
        {
            flow.Field(text["Device"], device);
        }

        if (analysis.DeviceClassification is { } reading)
        {
            flow.Field(text["DeviceReading"], analysis.DeviceHeartRateBpm is { } bpm ? text.Format("DeviceRate", reading, bpm) : reading);
        }

        flow.Field(text["Processing"], text.Format("ProcessingValue", analysis.Detector, analysis.Pipeline.Steps));
    }

    /// <summary>The disclaimer and the page number on one line (the disclaimer wraps if it must), the version and file below.</summary>
    private static void AddFooter(PageFlow flow, SKCanvas canvas, ReportText text, string footer, int page, int pages)
    {
        var pageNumber = text.Format("Page", page, pages);
        var style = TextStyle.Small;
        var baseline = PageFlow.Bottom + (2 * style.LineHeight);
        using var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(PageFlow.Left, PageFlow.Bottom + style.LineHeight, PageFlow.Left + PageFlow.Width, PageFlow.Bottom + style.LineHeight, rule);
        flow.DrawText(canvas, pageNumber, PageFlow.Left + PageFlow.Width, baseline, TextStyle.SmallLabel, SKTextAlign.Right);
        var disclaimerWidth = PageFlow.Width - flow.Measure(pageNumber, style) - 20;
        foreach (var line in flow.Wrap(text["Disclaimer"], style, disclaimerWidth))
        {
            flow.DrawText(canvas, line, PageFlow.Left, baseline, style);
            baseline += style.LineHeight;
        }

        flow.DrawText(canvas, footer, PageFlow.Left, baseline, style);
    }

    /// <summary>EcgScope's version as built ("0.1.0"), without the source revision the build appends.</summary>
    private static string Version()
    {
        var assembly = typeof(EcgPdfReport).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "";
        return version.Split('+')[0];
    }
}
