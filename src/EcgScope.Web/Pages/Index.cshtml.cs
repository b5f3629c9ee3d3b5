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
        catch (Exception exception) when (exception is EcgFormatException or UploadRejectedException)
        {
            UploadError = exception.Message;
            RefusedFile = string.Join(", ", form.Files.Select(file => file.FileName));
            Response.StatusCode = exception is UploadRejectedException rejected ? rejected.StatusCode : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    /// <summary>Analyses a bundled sample.</summary>
    public IActionResult OnPostSample(string name, CancellationToken cancellationToken)
    {
        if (BundledSamples.HeaderPath(name) is not { } path)
        {
            return NotFound();
        }

        var reader = UploadedRecordReader.Readers.Detect(path);
        var record = reader.Read(path, EcgReadOptions.Default);
        var stored = analyses.Analyze(record, Path.GetFileName(path), reader.FormatName, DeviceType.Other, $"bundled sample {name}", cancellationToken);
        return Redirect(AnalysisLinks.For(stored.Id).Page);
    }

    /// <summary>Generates and analyses a demo recording.</summary>
    public IActionResult OnPostDemo(CancellationToken cancellationToken)
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

        var stored = analyses.Analyze(DemoRecords.Generate(Demo), DemoRecords.FileName(Demo), "synthetic", DeviceType.Unspecified, "demo generator: " + DemoRecords.Describe(Demo), cancellationToken);
        return Redirect(AnalysisLinks.For(stored.Id).Page);
    }
}
