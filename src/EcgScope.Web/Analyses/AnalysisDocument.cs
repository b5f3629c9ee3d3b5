using EcgScope.Imaging.Digitizing;
using EcgScope.Reports.Documents;

namespace EcgScope.Web.Analyses;

/// <summary>
/// The analysis as the REST API serves it: the measurements and verdicts under the same names as
/// <c>ecgscope analyze</c> and <c>ecgscope classify</c> print, with the id, when, and where its report and log are.
/// </summary>
/// <param name="Id">The analysis id.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="FileName">The file it was read from.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="DeviceType">The device the person said recorded it ("appleWatch", "samsung", "kardia", "other", or "unspecified").</param>
/// <param name="Analysis">The measurements (as <c>ecgscope analyze --format json</c>).</param>
/// <param name="Classification">The verdicts (as <c>ecgscope classify --format json</c>).</param>
/// <param name="Links">Where the page, the PDF report, the log and the trace are.</param>
/// <param name="Printout">For a printout image: what the digitizer found (as <c>ecgscope digitize --format json</c>); otherwise null.</param>
public sealed record AnalysisDocument(
    string Id,
    DateTimeOffset CreatedAt,
    string FileName,
    string Format,
    string DeviceType,
    AnalyzeReport Analysis,
    ClassifyReport Classification,
    AnalysisLinks Links,
    DigitizationSummary? Printout = null);

/// <summary>The addresses of an analysis.</summary>
/// <param name="Self">The JSON.</param>
/// <param name="Page">The page for a person.</param>
/// <param name="ReportPdf">The PDF report.</param>
/// <param name="Log">The analysis log (text).</param>
/// <param name="TraceSvg">The trace on ECG paper (SVG).</param>
/// <param name="PrintoutPng">For a printout image: the digitized traces over the printout (PNG); otherwise null.</param>
public sealed record AnalysisLinks(string Self, string Page, string ReportPdf, string Log, string TraceSvg, string? PrintoutPng = null)
{
    /// <summary>The links of analysis <paramref name="id"/>, with the printout's when it was read from one.</summary>
    public static AnalysisLinks For(string id, bool printout = false) =>
        new($"/api/analyses/{id}", $"/analyses/{id}", $"/api/analyses/{id}/report.pdf", $"/api/analyses/{id}/log", $"/api/analyses/{id}/trace.svg",
            printout ? $"/api/analyses/{id}/printout.png" : null);
}
