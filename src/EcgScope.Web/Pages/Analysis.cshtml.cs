using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcgScope.Imaging.Digitizing;
using EcgScope.Reports.Documents;
using EcgScope.Web.Analyses;
using EcgScope.Web.LanguageModel;
using Microsoft.AspNetCore.Mvc;

namespace EcgScope.Web.Pages;

/// <summary>One analysis: the trace on paper, the measurements, each verdict, downloads.</summary>
public sealed class AnalysisModel(AnalysisViews views, LanguageModelClient languageModel) : DisclaimerGate
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The analysis shown.</summary>
    public AnalysisView View { get; private set; } = null!;

    /// <summary>Its measurements.</summary>
    public AnalyzeReport Analysis => View.Analysis;

    /// <summary>Its verdicts.</summary>
    public ClassifyReport Classification => View.Classification;

    /// <summary>For a printout image: what the digitizer found; otherwise null.</summary>
    public DigitizationSummary? Printout { get; private set; }

    /// <summary>Its addresses.</summary>
    public AnalysisLinks Links => AnalysisLinks.For(View.Stored.Id, Printout is not null);

    /// <summary>The language model's settings (the section shows only when an endpoint is configured).</summary>
    public LanguageModelClient LanguageModel => languageModel;

    /// <summary>Exactly what would be sent to the language model, shown before anything is sent.</summary>
    public string? LanguageModelRequest { get; private set; }

    /// <summary>The language model's answer, after the person asked for it.</summary>
    public LanguageModelAnswer? LanguageModelAnswer { get; private set; }

    /// <summary>Shows analysis <paramref name="id"/>.</summary>
    public IActionResult OnGet(string id) => Show(id) ? Page() : NotFound();

    /// <summary>Sends the figures shown to the configured language model and shows its answer.</summary>
    public async Task<IActionResult> OnPostExplainAsync(string id, CancellationToken cancellationToken)
    {
        if (!Show(id) || !languageModel.Options.IsEnabled)
        {
            return NotFound();
        }

        LanguageModelAnswer = await languageModel.AskAsync(LanguageModelChat(), cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private bool Show(string id)
    {
        if (views.Find(id) is not { } view)
        {
            return false;
        }

        View = view;
        Printout = view.Document.Printout;
        if (languageModel.Options.IsEnabled)
        {
            LanguageModelRequest = JsonSerializer.Serialize(LanguageModelChat(), IndentedJson);
        }

        return true;
    }

    private ChatRequest LanguageModelChat() => ExplanationPrompt.For(View, languageModel.Options.Model, CultureInfo.CurrentUICulture);
}
