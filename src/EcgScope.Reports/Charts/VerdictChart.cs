using EcgScope.Core;
using EcgScope.Inference.Verdicts;
using EcgScope.Signal.Detection;

namespace EcgScope.Reports.Charts;

/// <summary>
/// A verdict's picture: the lead the model read, on ECG paper, with its R-peaks and the relevance of the verdict's
/// first explanation (the class activation map where the model has one) shaded over the trace.
/// </summary>
public static class VerdictChart
{
    /// <summary>The longest stretch drawn, from the record's start, so a long recording still gives a readable image.</summary>
    public const double MaximumSeconds = 60;

    /// <summary>The chart of <paramref name="verdict"/> on <paramref name="record"/>.</summary>
    public static EcgPaperChart Create(EcgRecord record, ModelVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(verdict);
        var lead = record.FindLead(verdict.LeadName)?.Name ?? record.Leads[0].Name;
        var options = new EcgPaperChartOptions { Leads = [lead], DurationSeconds = Math.Min(record.DurationSeconds, MaximumSeconds) };
        var overlays = new EcgChartOverlays
        {
            RPeakSampleIndices = [.. RPeakDetectors.Default.Detect(record, lead)],
            Relevance = verdict.Explanations.IsEmpty ? null : verdict.Explanations[0],
        };
        return new EcgPaperChart(record, options, overlays);
    }
}
