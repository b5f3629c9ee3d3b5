using EcgScope.Web.Analyses;
using EcgScope.Web.Storage;
using Microsoft.AspNetCore.Mvc;

namespace EcgScope.Web.Pages;

/// <summary>The history of analyses: open, delete, export.</summary>
public sealed class HistoryModel(AnalysisStore store, AnalysisViews views) : DisclaimerGate
{
    /// <summary>The analyses, newest first.</summary>
    public IReadOnlyList<AnalysisSummary> Analyses { get; private set; } = [];

    /// <summary>Shows the history.</summary>
    public void OnGet() => Analyses = store.List();

    /// <summary>Deletes analysis <paramref name="id"/> and its signal.</summary>
    public IActionResult OnPostDelete(string id)
    {
        views.Forget(id);
        store.Delete(id);
        return RedirectToPage();
    }
}
