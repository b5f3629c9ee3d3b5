using EcgScope.Reports.Charts;

namespace EcgScope.Web.Analyses;

/// <summary>
/// The trace of an analysis on ECG paper (25 mm/s, 10 mm/mV), every lead, the reference lead's R-peaks marked and its
/// noisy stretches shaded, and the first explained verdict's relevance shaded.
/// </summary>
public static class TraceDrawing
{
    /// <summary>The longest stretch drawn: a page shows the first minute of a long recording (the PDF report carries more).</summary>
    public const double MaximumSeconds = 60;

    /// <summary>The chart of <paramref name="view"/>.</summary>
    public static EcgPaperChart Chart(AnalysisView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var overlays = new EcgChartOverlays
        {
            RPeakSampleIndices = view.RPeaks,
            Relevance = view.Relevance,
            NoisySpans = [.. view.NoisyStretches.Select(stretch => new SecondsRange(stretch.StartSeconds, stretch.EndSeconds))],
        };
        return Chart(view.Record, overlays);
    }

    /// <summary>The first <see cref="MaximumSeconds"/> of <paramref name="record"/> on ECG paper, with <paramref name="overlays"/> if any.</summary>
    public static EcgPaperChart Chart(EcgScope.Core.EcgRecord record, EcgChartOverlays? overlays = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var options = new EcgPaperChartOptions { DurationSeconds = Math.Min(record.DurationSeconds, MaximumSeconds) };
        return new EcgPaperChart(record, options, overlays);
    }
}
