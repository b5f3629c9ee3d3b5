using EcgScope.Reports.Documents;
using EcgScope.Web.Analyses;
using Microsoft.AspNetCore.Mvc;

namespace EcgScope.Web.Pages;

/// <summary>One analysis: the trace on paper, the measurements, each verdict, downloads.</summary>
public sealed class AnalysisModel(AnalysisViews views) : DisclaimerGate
{
    /// <summary>The analysis shown.</summary>
    public AnalysisView View { get; private set; } = null!;

    /// <summary>Its measurements.</summary>
    public AnalyzeReport Analysis => View.Report.Analysis;

    /// <summary>Its verdicts.</summary>
    public ClassifyReport Classification => View.Report.Classification;

    /// <summary>Its addresses.</summary>
    public AnalysisLinks Links => AnalysisLinks.For(View.Stored.Id);

    /// <summary>Shows analysis <paramref name="id"/>.</summary>
    public IActionResult OnGet(string id)
    {
        if (views.Find(id) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
