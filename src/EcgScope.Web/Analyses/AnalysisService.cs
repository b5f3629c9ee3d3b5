using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using EcgScope.Cluster.Analyses;
using EcgScope.Configuration;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Imaging.Classification;
using EcgScope.Imaging.Digitizing;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Analysis;
using EcgScope.Web.Storage;
using EcgScope.Web.Uploads;

namespace EcgScope.Web.Analyses;

/// <summary>An upload, a bundled sample or a demo record in; a stored analysis out. The analysis itself is the library's.</summary>
public sealed class AnalysisService(AnalysisStore store, AnalysisViews views, ModelRegistry registry, IAnalysisRunner runner, WebSettings options, TimeProvider clock)
{
    private static readonly string Version =
        typeof(AnalysisService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>Reads the uploaded <paramref name="files"/> in a private folder (deleted afterwards, also on failure), then analyses the record.</summary>
    /// <exception cref="EcgFormatException">A reader refused the file.</exception>
    /// <exception cref="UploadRejectedException">The upload breaks a limit or is not one record.</exception>
    /// <exception cref="AnalysisUnavailableException">The analysis cluster did not answer; nothing was kept.</exception>
    public async Task<StoredAnalysis> AnalyzeUploadAsync(IReadOnlyList<IFormFile> files, UploadFields fields, CancellationToken cancellationToken)
    {
        var limits = options;
        if (files.Count == 0)
        {
            throw new UploadRejectedException("No file was sent: choose an ECG file (or a WFDB record's .hea with its .dat, or a zip).");
        }

        if (files.Count > limits.MaxFiles)
        {
            throw new UploadRejectedException($"{files.Count} files were sent; at most {limits.MaxFiles} are accepted at once.");
        }

        var clock = Stopwatch.StartNew();
        using var workspace = UploadWorkspace.Create(limits.UploadFolder);
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            await workspace.SaveAsync(file.FileName, content, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        }

        var uploaded = await new UploadedRecordReader(limits).ReadAsync(workspace, fields.ReadOptions, cancellationToken).ConfigureAwait(false);
        var read = $"{uploaded.FileName}: {uploaded.Format}, {uploaded.Bytes} bytes in {files.Count} file(s), in {clock.Elapsed.TotalMilliseconds:0.#} ms"
            + (uploaded.Printout?.Summary is { } found
                ? string.Create(CultureInfo.InvariantCulture, $"; digitized as {found.Arrangement} at {found.MillimetersPerSecond:0.#} mm/s and {found.MillimetersPerMillivolt:0.#} mm/mV, confidence {found.Confidence:0.00}")
                : "");
        return await AnalyzeAsync(uploaded.Record, uploaded.FileName, uploaded.Format, fields.DeviceType, read, cancellationToken, fields.Models, uploaded.Printout)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Analyses a record (uploaded, a bundled sample, a demo) with <paramref name="models"/> (empty: every model) and keeps it,
    /// with <paramref name="printout"/>'s findings and preview when it was digitized from a printout image. The analysis
    /// runs where <c>Web:AnalysisOn</c> says (<see cref="IAnalysisRunner"/>); the printout models run here, by the image.
    /// </summary>
    /// <exception cref="UploadRejectedException">A model name is unknown, or the recording is too long.</exception>
    /// <exception cref="AnalysisUnavailableException">The analysis cluster did not answer; nothing was kept.</exception>
    public async Task<StoredAnalysis> AnalyzeAsync(
        EcgRecord record, string fileName, string format, DeviceType device, string origin, CancellationToken cancellationToken, IReadOnlyList<string>? models = null,
        DigitizedUpload? printout = null)
    {
        var chosen = Chosen(models ?? []);
        var limit = options.MaxDurationSeconds;
        if (record.DurationSeconds > limit)
        {
            throw new UploadRejectedException(
                $"{fileName} lasts {record.DurationSeconds / 60:0.#} min; the web app analyses up to {limit / 60:0.#} min (the ecgscope command has no limit).",
                StatusCodes.Status422UnprocessableEntity);
        }

        if (record.SamplingRate.Hertz < EcgAnalysis.MinimumSamplingRateHz)
        {
            throw new EcgFormatException(fileName, $"sampled at {record.SamplingRate}; the analysis needs at least {EcgAnalysis.MinimumSamplingRateHz} Hz (give the sampling rate if the file does not state it).");
        }

        record = StoredSignal.Kept(record);
        var request = new RecordAnalysisRequest(
            record, fileName, format, [.. chosen.Where(card => !IsPrintoutModel(card)).Select(card => card.Name)], PrintoutVerdicts(printout, fileName, chosen));
        var analysed = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString("N");
        var created = clock.GetUtcNow();
        var document = new AnalysisDocument(id, created, fileName, format, JsonNamingPolicy.CamelCase.ConvertName(device.ToString()),
            analysed.Analysis, analysed.Classification, AnalysisLinks.For(id, printout is not null), printout?.Summary);
        var stored = new StoredAnalysis(
            id, created, fileName, format, record.DurationSeconds, analysed.Analysis.Summary.ConsensusHeartRateBpm ?? analysed.Analysis.Leads[0].HeartRateBpm,
            JsonSerializer.Serialize(document, ReportJson.Options), Log(id, created, record, origin, analysed), StoredSignal.Write(record), printout?.PreviewPng);
        store.Add(stored);
        views.Remember(new AnalysisView(stored, record, document));
        return stored;
    }

    /// <summary>The cards of <paramref name="names"/> (signal and image models), or every card when none is named.</summary>
    private List<ModelCard> Chosen(IReadOnlyList<string> names)
    {
        List<ModelCard> all = [.. registry.Cards, .. registry.ImageCards, .. registry.FeatureCards];
        var unknown = names.FirstOrDefault(name => !all.Any(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase)));
        return unknown is not null
            ? throw new UploadRejectedException($"No model called '{unknown}'; the models are {string.Join(", ", all.Select(card => card.Name))}.")
            : names.Count == 0 ? all : [.. all.Where(card => names.Contains(card.Name, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The printout models' verdicts on the printout a record was digitized from; none for any other record.</summary>
    private List<VerdictReport> PrintoutVerdicts(DigitizedUpload? printout, string fileName, IEnumerable<ModelCard> chosen)
    {
        var printoutModels = chosen.Where(IsPrintoutModel).ToList();
        if (printout is null || printoutModels.Count == 0)
        {
            return [];
        }

        using var image = PrintoutDigitizer.Decode(printout.Image, fileName);
        return [.. PrintoutClassifier.ClassifyAll(image, printout.Printout, registry, printoutModels)
            .Select(verdict => VerdictReport.From(verdict, registry.AnyCard(verdict.Model)))];
    }

    /// <summary>Whether <paramref name="card"/> reads a printout (its image or its digitized features) rather than a record.</summary>
    private static bool IsPrintoutModel(ModelCard card) => card.Image is not null || card.Features is not null;

    /// <summary>What was read, where it was analysed, every step and how long it took, and the versions of everything that made the analysis.</summary>
    private static string Log(string id, DateTimeOffset created, EcgRecord record, string origin, AnalysedRecord analysed)
    {
        var text = CultureInfo.InvariantCulture;
        var log = new StringBuilder();
        log.AppendLine(text, $"EcgScope {Version} analysis log");
        log.AppendLine(text, $"analysis   {id}");
        log.AppendLine(text, $"created    {created:yyyy-MM-dd HH:mm:ss} UTC");
        log.AppendLine(text, $"runtime    .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        log.AppendLine(text, $"read       {origin}");
        log.AppendLine(text, $"record     {record.Leads.Length} leads ({string.Join(", ", record.LeadNames)}), {record.SamplingRate}, {record.DurationSeconds:0.###} s");
        log.AppendLine(text, $"ran on     {analysed.RanOn}");
        foreach (var line in analysed.Log)
        {
            log.AppendLine(line);
        }

        log.AppendLine(text, $"stored     the signal and the derived results; no names or birth dates from the file");
        return log.ToString();
    }
}

/// <summary>The upload form's fields besides the files.</summary>
/// <param name="DeviceType">The device the person named.</param>
/// <param name="ReadOptions">The sampling rate and unit for files that do not state them.</param>
/// <param name="Models">The models chosen, by name; empty: every model.</param>
public sealed record UploadFields(DeviceType DeviceType, EcgReadOptions ReadOptions, IReadOnlyList<string> Models);
