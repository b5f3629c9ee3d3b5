using System.Globalization;
using System.Text.Json;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using EcgScope.Reports.Pdf;
using EcgScope.Web.Analyses;
using EcgScope.Web.LanguageModel;
using EcgScope.Web.Localization;
using EcgScope.Web.Storage;
using EcgScope.Web.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcgScope.Web.Api;

/// <summary>The REST API: analyses (upload, read, delete, report, log, trace), models and the demo generator.</summary>
public static class AnalysesApi
{
    /// <summary>Maps the API under <c>/api</c>.</summary>
    public static void MapEcgScopeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(ApiProblems.Filter).DisableAntiforgery().WithTags("EcgScope");
        api.MapPost("/analyses", UploadAsync)
            .Accepts<UploadRequest>("multipart/form-data")
            .WithSummary("Analyse an uploaded ECG")
            .WithDescription("Multipart form: one or more `file` parts (one file of any supported format, a WFDB record's .hea with its .dat, or a zip of one record), "
                + "optional `deviceType` (appleWatch, samsung, kardia, other), `samplingRateHz` and `unit` (mV, uV, V) for files that do not state them, "
                + "and `model` parts naming the models to run (default: all; see /api/models).")
            .Produces<AnalysisDocument>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/analyses", (AnalysisStore store) => TypedResults.Ok(store.List())).WithSummary("The history, newest first");
        api.MapGet("/analyses/{id}", Get).Produces<AnalysisDocument>().WithSummary("One analysis (the same names as the CLI's JSON)");
        api.MapDelete("/analyses/{id}", Delete).WithSummary("Delete an analysis and its signal");
        api.MapGet("/analyses/{id}/log", Log).WithSummary("The analysis log: what was read, every step, versions, timings");
        api.MapGet("/analyses/{id}/trace.svg", Trace).WithSummary("The trace on ECG paper (25 mm/s, 10 mm/mV), SVG");
        api.MapGet("/analyses/{id}/printout.png", Printout).WithSummary("For a printout image: the digitized traces over the printout's traced area, PNG");
        api.MapGet("/analyses/{id}/report.pdf", ReportPdf).WithSummary("The PDF report (culture: en or nl)");
        api.MapPost("/analyses/{id}/explanation", ExplainAsync)
            .WithSummary("Ask the configured language model to explain an analysis in plain words (off unless configured; sends derived figures only)");
        api.MapGet("/models", (ModelRegistry registry) => TypedResults.Ok(ModelsReport.From(registry))).WithSummary("The trained models and their cards");
        api.MapGet("/models/{name}/card", Card).WithSummary("A model's full card (Markdown): data, splits, figures with intervals, calibration, limits");
        api.MapPost("/demo", DemoAsync).Produces<AnalysisDocument>(StatusCodes.Status201Created).WithSummary("Analyse a synthetic demo ECG");
    }

    private static async Task<Results<Created<JsonElement>, ProblemHttpResult>> UploadAsync(HttpRequest request, AnalysisService analyses, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var stored = await analyses.AnalyzeUploadAsync([.. form.Files], UploadForm.Fields(form), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created(AnalysisLinks.For(stored.Id).Self, Json(stored.DocumentJson));
    }

    private static Results<Ok<JsonElement>, ProblemHttpResult> Get(string id, AnalysisStore store) =>
        store.Find(id) is { } stored ? TypedResults.Ok(Json(stored.DocumentJson)) : ApiProblems.NotFound(id);

    private static Results<NoContent, ProblemHttpResult> Delete(string id, AnalysisStore store, AnalysisViews views)
    {
        views.Forget(id);
        return store.Delete(id) ? TypedResults.NoContent() : ApiProblems.NotFound(id);
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Log(string id, AnalysisStore store) =>
        store.Find(id) is { } stored ? TypedResults.Text(stored.Log, "text/plain; charset=utf-8") : ApiProblems.NotFound(id);

    private static Results<ContentHttpResult, ProblemHttpResult> Trace(string id, AnalysisViews views) =>
        views.Find(id) is { } view ? TypedResults.Text(TraceDrawing.Chart(view).ToSvg(), "image/svg+xml") : ApiProblems.NotFound(id);

    private static Results<FileContentHttpResult, ProblemHttpResult> Printout(string id, AnalysisStore store) =>
        store.FindPrintout(id) is { } png ? TypedResults.File(png, "image/png") : ApiProblems.NotFound(id);

    private static Results<FileContentHttpResult, ProblemHttpResult> ReportPdf(string id, [FromQuery] string? culture, AnalysisViews views)
    {
        if (views.Find(id) is not { } view)
        {
            return ApiProblems.NotFound(id);
        }

        using var pdf = new MemoryStream();
        EcgPdfReport.Write(pdf, view.Record, view.Analysis, view.Classification, view.Stored.CreatedAt, ReportCultures.Resolve(culture ?? CultureInfo.CurrentUICulture.Name));
        return TypedResults.File(pdf.ToArray(), "application/pdf", $"ecgscope-{id[..Math.Min(8, id.Length)]}.pdf");
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Card(string name, ModelRegistry registry)
    {
        var card = registry.Cards.Concat(registry.ImageCards).Concat(registry.FeatureCards).FirstOrDefault(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase));
        var path = card?.Document is { } document ? Path.Combine(AppContext.BaseDirectory, "cards", Path.GetFileName(document)) : null;
        return path is not null && File.Exists(path)
            ? TypedResults.Text(File.ReadAllText(path), "text/markdown; charset=utf-8")
            : TypedResults.Problem(title: "No such model card.", detail: $"No card for a model called '{name}'; see /api/models.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<LanguageModelExplanation>, ProblemHttpResult>> ExplainAsync(
        string id, [FromQuery] string? culture, AnalysisViews views, LanguageModelClient languageModel, CancellationToken cancellationToken)
    {
        if (!languageModel.Options.IsEnabled)
        {
            return TypedResults.Problem(
                title: "No language model is configured.",
                detail: "Set LanguageModel:Endpoint and LanguageModel:Model (ecgscope.json or ECGSCOPE__LanguageModel__Endpoint) to an OpenAI-compatible endpoint to enable explanations.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (views.Find(id) is not { } view)
        {
            return ApiProblems.NotFound(id);
        }

        var request = ExplanationPrompt.For(view, languageModel.Options.Model, ReportCultures.Resolve(culture ?? CultureInfo.CurrentUICulture.Name));
        var answer = await languageModel.AskAsync(request, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new LanguageModelExplanation(languageModel.ChatAddress.ToString(), request, answer.Text, answer.Error));
    }

    private static async Task<Results<Created<JsonElement>, ValidationProblem>> DemoAsync(DemoRequest request, AnalysisService analyses, CancellationToken cancellationToken)
    {
        if (DemoRecords.Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var record = DemoRecords.Generate(request);
        var stored = await analyses.AnalyzeAsync(record, DemoRecords.FileName(request), "synthetic", DeviceType.Unspecified, "demo generator: " + DemoRecords.Describe(request), cancellationToken)
            .ConfigureAwait(false);
        return TypedResults.Created(AnalysisLinks.For(stored.Id).Self, Json(stored.DocumentJson));
    }

    /// <summary>The stored analysis JSON, served as it was made.</summary>
    private static JsonElement Json(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return parsed.RootElement.Clone();
    }
}
