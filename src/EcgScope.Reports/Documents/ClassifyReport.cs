using System.Globalization;
using EcgScope.Core;
using EcgScope.Inference.Explanations;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;

namespace EcgScope.Reports.Documents;

/// <summary>What <c>ecgscope classify</c> prints.</summary>
public sealed record ClassifyReport(
    string File,
    string Format,
    double DurationSeconds,
    IReadOnlyList<VerdictReport> Verdicts,
    IReadOnlyList<string> NotApplicable,
    string Disclaimer) : ITextReport
{
    /// <summary>The stretches the text lists per verdict (JSON has them all).</summary>
    private const int MostRelevantStretches = 3;

    /// <summary>
    /// The report of the library's result, field by field, followed by <paramref name="printoutVerdicts"/>: the image
    /// models' verdicts on the printout the record was digitized from, if it was.
    /// </summary>
    public static ClassifyReport From(
        string file, string readerName, EcgRecord record, ModelRegistry registry, RecordClassification classification, IReadOnlyList<VerdictReport>? printoutVerdicts = null) => new(
        file,
        record.Metadata.SourceFormat ?? readerName,
        record.DurationSeconds,
        [.. classification.Verdicts.Select(verdict => VerdictReport.From(verdict, registry.Card(verdict.Model))), .. printoutVerdicts ?? []],
        [.. classification.NotApplicable.Select(model => model.ToString())],
        VerdictWording.NotADiagnosis);

    /// <inheritdoc />
    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"{File} ({Format}, {DurationSeconds:0.#} s)"));
        foreach (var verdict in Verdicts)
        {
            writer.WriteLine();
            var read = verdict.LeadName == VerdictReport.WholePrintout ? verdict.LeadName : $"lead {verdict.LeadName}";
            writer.WriteLine(string.Create(text, $"  {verdict.Title} [{verdict.Model}, {read}]"));
            writer.WriteLine(string.Create(text, $"    {(verdict.IsConclusive ? "resembles" : "verdict"),-13} {verdict.Verdict}"));
            foreach (var probability in verdict.Probabilities)
            {
                writer.WriteLine(string.Create(text, $"    {probability.ClassName,-13} {probability.Probability:0.000}"));
            }

            foreach (var explanation in verdict.Explanations)
            {
                var stretches = explanation.Stretches.Take(MostRelevantStretches).Select(s => string.Create(text, $"{s.StartSeconds:0.0}-{s.EndSeconds:0.0} s"));
                writer.WriteLine(string.Create(text, $"    {(explanation.Method == RelevanceMethod.ClassActivation ? "activation" : "occlusion"),-13} {string.Join(", ", stretches)}"));
            }

            if (verdict.Measures.Count > 0)
            {
                var measures = verdict.Measures.Select(m => string.Create(text, $"{m.Name} {m.Contribution:+0.000;-0.000}"));
                writer.WriteLine(string.Create(text, $"    {"measures",-13} {string.Join(", ", measures)}"));
            }

            writer.WriteLine(string.Create(text, $"    {verdict.Summary}"));
            if (verdict.Card is not null)
            {
                writer.WriteLine(string.Create(text, $"    card          {verdict.Card}"));
            }
        }

        foreach (var model in NotApplicable)
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(text, $"  not run: {model}"));
        }
    }
}

/// <summary>One model's verdict as the CLI and the REST API print it.</summary>
public sealed record VerdictReport(
    string Model,
    string Title,
    string Verdict,
    bool IsConclusive,
    string? InconclusiveReason,
    string LeadName,
    IReadOnlyList<ClassProbability> Probabilities,
    IReadOnlyList<RelevanceReport> Explanations,
    IReadOnlyList<MeasureContribution> Measures,
    string Summary,
    string? Card)
{
    /// <summary>The verdict shown when a model withholds one.</summary>
    public const string Inconclusive = "Inconclusive";

    /// <summary>The report of the library's result, field by field.</summary>
    public static VerdictReport From(ModelVerdict verdict, ModelCard card) => new(
        verdict.Model,
        card.Title,
        verdict.IsConclusive ? (verdict.Classes.IsEmpty ? "None" : string.Join(", ", verdict.Classes)) : Inconclusive,
        verdict.IsConclusive,
        verdict.InconclusiveReason,
        verdict.LeadName,
        verdict.Probabilities,
        [.. verdict.Explanations.Select(RelevanceReport.From)],
        verdict.Measures,
        verdict.Summary,
        card.Document);

    /// <summary>The lead name an image model's verdict gives: it reads the whole printout, no lead.</summary>
    public const string WholePrintout = "whole printout";

    /// <summary>The report of an image model's verdict on a printout.</summary>
    public static VerdictReport From(PrintoutVerdict verdict, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(card);
        var probabilities = verdict.Probabilities.Select(p => p.Probability).ToArray();
        return new(
            verdict.Model,
            card.Title,
            verdict.ClassName ?? Inconclusive,
            verdict.IsConclusive,
            verdict.InconclusiveReason,
            WholePrintout,
            verdict.Probabilities,
            [],
            [],
            VerdictWording.Summary(card, verdict.ClassName is { } chosen ? [chosen] : [], probabilities, verdict.InconclusiveReason, relevance: null),
            card.Document);
    }
}

/// <summary>Where a verdict came from: the method, the bins' scores and the stretches that weighed most.</summary>
public sealed record RelevanceReport(RelevanceMethod Method, string ClassName, double BinSeconds, IReadOnlyList<double> Scores, IReadOnlyList<RelevantStretch> Stretches)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static RelevanceReport From(Relevance relevance) => new(
        relevance.Method, relevance.ClassName, relevance.BinSeconds, relevance.Scores, relevance.Stretches);

    /// <summary>The library's result again, for drawing a stored report (the stretches follow from the scores).</summary>
    public Relevance ToRelevance() => new() { Method = Method, ClassName = ClassName, BinSeconds = BinSeconds, Scores = [.. Scores] };
}
