using EcgScope.Reports.Documents;

namespace EcgScope.Reports.Pdf;

/// <summary>
/// Each model's verdict: what the recording resembles (or that the model withheld a verdict, and why), the calibrated
/// probability of every class, the stretches that weighed most, the library's plain-language summary (which ends by
/// saying it is not a diagnosis) and the model's card; then the models that could not read the record.
/// </summary>
/// <remarks>Class names, reasons and summaries are the models' and the library's own words, in English; the labels are translated.</remarks>
internal static class VerdictSection
{
    /// <summary>The stretches listed per verdict, most relevant first.</summary>
    private const int MostRelevantStretches = 3;

    /// <summary>Adds the section to <paramref name="flow"/>; a missing or empty classification says that no model ran.</summary>
    public static void Add(PageFlow flow, ReportText text, ClassifyReport? classification)
    {
        flow.Gap(TextStyle.Body.LineHeight);
        flow.Text(text["Verdicts"], TextStyle.Heading);
        if (classification is null || (classification.Verdicts.Count == 0 && classification.NotApplicable.Count == 0))
        {
            flow.Text(text["NoVerdicts"], TextStyle.Body);
            return;
        }

        foreach (var verdict in classification.Verdicts)
        {
            AddVerdict(flow, text, verdict);
        }

        foreach (var model in classification.NotApplicable)
        {
            flow.Field(text["NotRun"], model);
        }
    }

    private static void AddVerdict(PageFlow flow, ReportText text, VerdictReport verdict)
    {
        flow.Gap(TextStyle.Body.LineHeight / 2);
        flow.Text($"{verdict.Title} ({text.Format("ModelLead", verdict.Model, verdict.LeadName)})", TextStyle.Label);
        if (verdict.IsConclusive)
        {
            flow.Field(text["Resembles"], verdict.Verdict);
        }
        else
        {
            flow.Field(text["Inconclusive"], verdict.InconclusiveReason ?? "");
        }

        flow.Field(
            text["Probabilities"],
            string.Join(" · ", verdict.Probabilities.Select(p => $"{p.ClassName} {text.Number(p.Probability, "0.00")}")));
        if (verdict.Explanations.Count > 0)
        {
            var stretches = verdict.Explanations[0].Stretches.Take(MostRelevantStretches)
                .Select(stretch => text.Format("Stretch", stretch.StartSeconds, stretch.EndSeconds));
            flow.Field(text["RelevantStretches"], string.Join(", ", stretches));
        }

        flow.Text(verdict.Summary, TextStyle.Body);
        if (verdict.Card is not null)
        {
            flow.Field(text["ModelCard"], verdict.Card);
        }
    }
}
