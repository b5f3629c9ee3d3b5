using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Web.Analyses;
using EcgScope.Web.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace EcgScope.Web.Pages;

/// <summary>The start page: upload an ECG, or try a bundled sample or a demo recording.</summary>
public sealed class IndexModel : DisclaimerGate
{
    private readonly AnalysisService analyses;

    /// <summary>The page over <paramref name="analyses"/>, offering the models of <paramref name="registry"/>.</summary>
    public IndexModel(AnalysisService analyses, ModelRegistry registry)
    {
        this.analyses = analyses;
        Models = [.. registry.Cards, .. registry.ImageCards, .. registry.FeatureCards];
    }

    /// <summary>The models a person may choose: the signal models, then those that read printout images only.</summary>
    public IReadOnlyList<ModelCard> Models { get; }

    /// <summary>Why the last upload was refused, in words, if it was.</summary>
    public string? UploadError { get; private set; }

    /// <summary>The name of the file that was refused.</summary>
    public string? RefusedFile { get; private set; }

    /// <summary>The bundled samples.</summary>
    public IReadOnlyList<string> Samples => BundledSamples.Names;

    /// <summary>The demo generator's form.</summary>
    [BindProperty]
    public DemoRequest Demo { get; set; } = new();

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }

    /// <summary>Analyses the uploaded files; shows the reader's error next to the file when it refuses them.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await analyses.AnalyzeUploadAsync([.. form.Files], UploadForm.Fields(form), cancellationToken).ConfigureAwait(false);
            return Redirect(AnalysisLinks.For(stored.Id).Page);
        }
        catch (Exception exception) when (exception is EcgFormatException or UploadRejectedException or AnalysisUnavailableException)
        {
            UploadError = exception.Message;
            RefusedFile = string.Join(", ", form.Files.Select(file => file.FileName));
            Response.StatusCode = exception switch
            {
                UploadRejectedException rejected => rejected.StatusCode,
                AnalysisUnavailableException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
            return Page();
        }
    }

    /// <summary>Analyses a bundled sample.</summary>
    public async Task<IActionResult> OnPostSampleAsync(string name, CancellationToken cancellationToken)
    {
        if (BundledSamples.HeaderPath(name) is not { } path)
        {
            return NotFound();
        }

        var reader = UploadedRecordReader.Readers.Detect(path);
        var record = reader.Read(path, EcgReadOptions.Default);
        return await ShowAsync(Path.GetFileName(path), analyses.AnalyzeAsync(record, Path.GetFileName(path), reader.FormatName, DeviceType.Other, $"bundled sample {name}", cancellationToken))
            .ConfigureAwait(false);
    }

    /// <summary>Generates and analyses a demo recording.</summary>
    public async Task<IActionResult> OnPostDemoAsync(CancellationToken cancellationToken)
    {
        if (DemoRecords.Validate(Demo) is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                ModelState.AddModelError($"{nameof(Demo)}.{field}", string.Join(" ", messages));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var fileName = DemoRecords.FileName(Demo);
        return await ShowAsync(fileName, analyses.AnalyzeAsync(DemoRecords.Generate(Demo), fileName, "synthetic", DeviceType.Unspecified, "demo generator: " + DemoRecords.Describe(Demo), cancellationToken))
            .ConfigureAwait(false);
    }

    /// <summary>Opens the analysis made; or, when the analysis cluster did not answer, says so on this page (503).</summary>
    private async Task<IActionResult> ShowAsync(string fileName, Task<Storage.StoredAnalysis> analysis)
    {
        try
        {
            return Redirect(AnalysisLinks.For((await analysis.ConfigureAwait(false)).Id).Page);
        }
        catch (AnalysisUnavailableException unavailable)
        {
            UploadError = unavailable.Message;
            RefusedFile = fileName;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}
