using System.Diagnostics;
using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.Signal.Analysis;

namespace EcgScope.Reports.Documents;

/// <summary>
/// Everything said about one record: the measurements and each model's verdict, as library results (to draw) and as
/// documents (to print or serve as JSON), with the time each step took. The web app, the PDF report and the batch are
/// all made from it, so they cannot disagree.
/// </summary>
/// <param name="Record">The record as read.</param>
/// <param name="AnalysisResult">The analysis (cleaned signal, R-peaks, quality per lead).</param>
/// <param name="ClassificationResult">The verdicts, with their explanations.</param>
/// <param name="Analysis">The measurements as <c>ecgscope analyze</c> prints them.</param>
/// <param name="Classification">The verdicts as <c>ecgscope classify</c> prints them.</param>
/// <param name="Steps">What was done, in order, and how long it took.</param>
public sealed record RecordReport(
    EcgRecord Record,
    EcgAnalysisResult AnalysisResult,
    RecordClassification ClassificationResult,
    AnalyzeReport Analysis,
    ClassifyReport Classification,
    IReadOnlyList<ReportStep> Steps)
{
    /// <summary>Analyses <paramref name="record"/> and runs <paramref name="models"/> on it, with explanations unless told otherwise.</summary>
    /// <param name="record">The record.</param>
    /// <param name="file">The file name the documents name.</param>
    /// <param name="format">The format it was read as.</param>
    /// <param name="registry">Where the models come from.</param>
    /// <param name="models">The models to run (those that cannot read the record are listed as not applicable).</param>
    /// <param name="options">Analysis options (default: the library's).</param>
    /// <param name="explain">Whether to add where in the trace each verdict came from (occlusion runs the model many
    /// times more; a batch over an archive leaves it out).</param>
    /// <param name="printoutVerdicts">For a record digitized from a printout: the image models' verdicts on the printout, listed after the signal models'.</param>
    /// <param name="cancellationToken">Checked between leads and between models.</param>
    /// <exception cref="ArgumentOutOfRangeException">The record is sampled too slowly to analyse.</exception>
    public static RecordReport Create(
        EcgRecord record,
        string file,
        string format,
        ModelRegistry registry,
        IEnumerable<ModelCard> models,
        EcgAnalysisOptions? options = null,
        bool explain = true,
        IReadOnlyList<VerdictReport>? printoutVerdicts = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(registry);
        var steps = new List<ReportStep>();
        var clock = Stopwatch.StartNew();
        var analysis = EcgAnalysis.Analyze(record, options, cancellationToken: cancellationToken);
        steps.Add(new ReportStep("analysis", $"{analysis.Pipeline.Steps}; R-peaks by {analysis.DetectorName}; {record.Leads.Length} leads", clock.Elapsed.TotalMilliseconds));
        clock.Restart();
        var classification = RecordClassification.Run(record, registry, models, explain, cancellationToken);
        steps.Add(new ReportStep(
            "classification",
            $"{classification.Verdicts.Count} models ran ({string.Join(", ", classification.Verdicts.Select(v => v.Model))}), {classification.NotApplicable.Count} not applicable",
            clock.Elapsed.TotalMilliseconds));
        return new RecordReport(
            record,
            analysis,
            classification,
            AnalyzeReport.From(file, format, record, analysis, includePeaks: true),
            ClassifyReport.From(file, format, record, registry, classification, printoutVerdicts),
            steps);
    }
}

/// <summary>One step of making a report.</summary>
/// <param name="Name">What the step was ("analysis", "classification").</param>
/// <param name="Detail">What it did, for a person.</param>
/// <param name="Milliseconds">How long it took.</param>
public sealed record ReportStep(string Name, string Detail, double Milliseconds);
