using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Reports.Charts;
using EcgScope.Reports.Documents;

namespace EcgScope.Reports.Pdf;

/// <summary>
/// The record on ECG paper at true size: strips of <see cref="StripSeconds"/> across the page, each with every lead of
/// a group (at most as many as fit a page), as many strips a page as fit, from the record's start.
/// </summary>
internal static class TraceSection
{
    /// <summary>The seconds of one strip: 250 mm of paper at 25 mm/s.</summary>
    public const double StripSeconds = 10;

    private const double PaperSpeed = 25, Gain = 10;

    // Chart pixels per millimetre of paper: fine enough that the chart's snapping of grid lines to whole pixels moves a
    // line by at most 0.05 mm, so the grid stays regular in print.
    private const double PixelsPerMm = 10;

    // One lead gets a 30 mm row (±1.5 mV); several share a page in 25 mm rows (±1.25 mV, so that most QRS complexes
    // stay inside their row) and 6 of a 12-lead record fit one strip. The chart adds 14 mm of margins and time axis.
    private const double SingleLeadRowMm = 30, MultiLeadRowMm = 25, ChartFrameMm = 14, StripGapMm = 2;

    /// <summary>Adds the trace pages; draws at most <paramref name="maximumSeconds"/> and <paramref name="maximumPages"/> pages, and says so where that cuts the record short.</summary>
    public static void Add(PageFlow flow, ReportText text, EcgRecord record, AnalyzeReport analysis, double maximumSeconds, int maximumPages)
    {
        var rowMm = record.Leads.Length == 1 ? SingleLeadRowMm : MultiLeadRowMm;
        var headingHeight = TextStyle.Heading.LineHeight + (2 * TextStyle.Small.LineHeight);
        var usableMm = (PageFlow.Bottom - PageFlow.Top - headingHeight) / PageFlow.PointsPerMm;
        var groups = LeadGroups(record, Math.Max(1, (int)((usableMm - ChartFrameMm) / rowMm)));
        var stripMm = ChartFrameMm + (groups.Max(group => group.Length) * rowMm) + StripGapMm;
        var stripsPerPage = Math.Max(1, (int)(usableMm / stripMm));

        var strips = (int)Math.Ceiling(Math.Min(record.DurationSeconds, maximumSeconds) / StripSeconds);
        strips = Math.Min(strips, Math.Max(1, maximumPages * stripsPerPage / groups.Count));
        var drawnSeconds = Math.Min(record.DurationSeconds, strips * StripSeconds);
        var overlays = new EcgChartOverlays { RPeakSampleIndices = analysis.MarkedRPeaks(record.SamplingRate) };

        var placed = 0;
        for (var strip = 0; strip < strips; strip++)
        {
            foreach (var group in groups)
            {
                if (placed++ % stripsPerPage == 0)
                {
                    StartPage(flow, text, !overlays.RPeakSampleIndices.IsEmpty, record.DurationSeconds, drawnSeconds);
                }

                var options = new EcgPaperChartOptions
                {
                    PaperSpeedMmPerSecond = PaperSpeed,
                    GainMmPerMillivolt = Gain,
                    PixelsPerMm = PixelsPerMm,
                    RowHeightMm = rowMm,
                    Leads = group,
                    StartSeconds = strip * StripSeconds,
                    DurationSeconds = Math.Min(StripSeconds, drawnSeconds - (strip * StripSeconds)),
                    TimeAxisTitle = text["TimeAxis"],
                };
                var chart = new EcgPaperChart(record, options, overlays);
                flow.Block((float)(stripMm * PageFlow.PointsPerMm), (canvas, top) =>
                {
                    canvas.Save();
                    canvas.Translate(PageFlow.Left, top);
                    canvas.Scale((float)(PageFlow.PointsPerMm / PixelsPerMm));
                    chart.Render(canvas);
                    canvas.Restore();
                });
            }
        }
    }

    private static void StartPage(PageFlow flow, ReportText text, bool rPeaksMarked, double recordSeconds, double drawnSeconds)
    {
        flow.NewPage();
        flow.Text(text["Trace"], TextStyle.Heading);
        var scale = text.Format("TraceScale", PaperSpeed, Gain);
        flow.Text(rPeaksMarked ? $"{scale} {text["RPeakLegend"]}" : scale, TextStyle.Small);
        if (drawnSeconds < recordSeconds)
        {
            flow.Text(text.Format("TraceTruncated", Minutes(text, drawnSeconds), Minutes(text, recordSeconds)), TextStyle.Small);
        }
    }

    private static string Minutes(ReportText text, double seconds) => text.Format("Minutes", seconds / 60);

    /// <summary>The leads split into as few groups as the page allows, of sizes that differ by at most one (12 leads, 7 a page: 6 and 6).</summary>
    private static List<ImmutableArray<string>> LeadGroups(EcgRecord record, int maximumPerGroup)
    {
        var names = record.LeadNames.ToList();
        var count = (int)Math.Ceiling(names.Count / (double)maximumPerGroup);
        var size = (int)Math.Ceiling(names.Count / (double)count);
        return [.. names.Chunk(size).Select(group => group.ToImmutableArray())];
    }
}
