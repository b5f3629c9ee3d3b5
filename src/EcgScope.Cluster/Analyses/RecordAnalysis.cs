using System.Globalization;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;

namespace EcgScope.Cluster.Analyses;

/// <summary>
/// The web app's analysis of one record (<see cref="RecordReport.Create"/>: the measurements and the models), the same
/// code whether it runs in the web app's process or on a silo (<see cref="IRecordAnalysisGrain"/>).
/// </summary>
public static class RecordAnalysis
{
    /// <summary>Analyses <paramref name="request"/>'s record with the models of <paramref name="registry"/>.</summary>
    /// <param name="request">The record, its names, the models and any printout verdicts.</param>
    /// <param name="registry">Where the models are loaded from (the log names their weights' hashes).</param>
    /// <param name="ranOn">Where this runs, for the log.</param>
    /// <param name="cancellationToken">Checked between leads and between models.</param>
    /// <exception cref="KeyNotFoundException">A model of the request is not in <paramref name="registry"/>.</exception>
    public static AnalysedRecord Run(RecordAnalysisRequest request, ModelRegistry registry, string ranOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        var report = RecordReport.Create(
            request.Record, request.FileName, request.Format, registry, [.. request.Models.Select(registry.Card)],
            printoutVerdicts: request.PrintoutVerdicts, cancellationToken: cancellationToken);
        return new AnalysedRecord(report.Analysis, report.Classification, Log(report, registry), ranOn);
    }

    /// <summary>Every step and how long it took, and every model with the hash of the weights that gave its verdict.</summary>
    private static List<string> Log(RecordReport report, ModelRegistry registry)
    {
        var text = CultureInfo.InvariantCulture;
        List<string> log = [.. report.Steps.Select(step => string.Create(text, $"{step.Name,-10} {step.Detail}, in {step.Milliseconds:0.#} ms"))];
        foreach (var verdict in report.ClassificationResult.Verdicts)
        {
            var card = registry.Card(verdict.Model);
            log.Add($"model      {card.Name}: weights SHA-256 {card.Weights.Sha256}, lead {verdict.LeadName}, {(verdict.IsConclusive ? "conclusive" : "inconclusive: " + verdict.InconclusiveReason)}");
        }

        log.AddRange(report.ClassificationResult.NotApplicable.Select(model => $"not run    {model}"));
        return log;
    }
}
