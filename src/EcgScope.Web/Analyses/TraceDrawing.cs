using EcgScope.Reports.Charts;

namespace EcgScope.Web.Analyses;

/// <summary>The trace of an analysis on ECG paper (25 mm/s, 10 mm/mV), every lead, R-peaks marked, the first explained verdict's relevance shaded.</summary>
public static class TraceDrawing
{
    /// <summary>The longest stretch drawn: a page shows the first minute of a long recording (the PDF report carries more).</summary>
    public const double MaximumSeconds = 60;

    /// <summary>The chart of <paramref name="view"/>.</summary>
    public static EcgPaperChart Chart(AnalysisView view)
    {
        var report = view.Report;
        var leads = report.AnalysisResult.Leads;
        var reference = leads.FirstOrDefault(lead => lead.LeadName == report.AnalysisResult.Summary.ReferenceLead) ?? leads[0];
        var overlays = new EcgChartOverlays
        {
            RPeakSampleIndices = reference.RPeaks,
            Relevance = report.ClassificationResult.Verdicts.SelectMany(verdict => verdict.Explanations).FirstOrDefault(),
        };
        var options = new EcgPaperChartOptions { DurationSeconds = Math.Min(report.Record.DurationSeconds, MaximumSeconds) };
        return new EcgPaperChart(report.Record, options, overlays);
    }
}
