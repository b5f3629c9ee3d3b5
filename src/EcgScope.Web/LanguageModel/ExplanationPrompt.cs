using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using EcgScope.Web.Analyses;

namespace EcgScope.Web.LanguageModel;

/// <summary>One chat message.</summary>
/// <param name="Role">"system" or "user".</param>
/// <param name="Content">The text.</param>
public sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content);

/// <summary>The body of an OpenAI-compatible <c>POST /chat/completions</c>, exactly as sent.</summary>
/// <param name="Model">The model.</param>
/// <param name="Messages">The instructions and the figures.</param>
/// <param name="Temperature">Low: the answer should restate, not invent.</param>
public sealed record ChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("temperature")] double Temperature);

/// <summary>
/// What a language model is told about an analysis: derived figures only (heart rate, rhythm regularity, HRV, quality,
/// each model's verdict in words), never the signal, the file name, dates or anything else from the file, so the person
/// can read beforehand everything that would leave the machine.
/// </summary>
public static class ExplanationPrompt
{
    private static readonly CompositeFormat Instructions = CompositeFormat.Parse(
        "You explain the results of an ECG analysis program to a lay person in plain words, in at most 150 words, in the language of the "
        + "page ({0}). You never diagnose and never say the person is healthy or ill: the program measures signals and its models make "
        + "mistakes. Say what each figure means in general terms, repeat that this is not medical advice, and advise seeing a doctor "
        + "about any symptom or worry.");

    /// <summary>The request for <paramref name="view"/>, with the page's language.</summary>
    public static ChatRequest For(AnalysisView view, string model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ChatRequest(
            model,
            [new ChatMessage("system", string.Format(CultureInfo.InvariantCulture, Instructions, culture.EnglishName)), new ChatMessage("user", Figures(view))],
            Temperature: 0.2);
    }

    private static string Figures(AnalysisView view)
    {
        var text = CultureInfo.InvariantCulture;
        var analysis = view.Analysis;
        var summary = analysis.Summary;
        var figures = new StringBuilder();
        figures.AppendLine(text, $"Recording: {analysis.Leads.Count} lead(s), {analysis.DurationSeconds:0} s.");
        var heartRate = summary.ConsensusHeartRateBpm ?? analysis.Leads[0].HeartRateBpm;
        figures.AppendLine(heartRate is { } bpm ? string.Create(text, $"Heart rate: {bpm:0} bpm.") : "Heart rate: not measurable.");
        figures.AppendLine(text, $"Rhythm regularity: {summary.Regularity}.");
        foreach (var lead in analysis.Leads)
        {
            var hrv = lead.HrvTimeDomain is { } time ? string.Create(text, $"SDNN {time.SdnnMs:0} ms, RMSSD {time.RmssdMs:0} ms") : "HRV not computed";
            figures.AppendLine(text, $"Lead {lead.Name}: signal quality {lead.Quality.Verdict}; {hrv}.");
        }

        foreach (var verdict in view.Classification.Verdicts)
        {
            var top = verdict.Probabilities.MaxBy(p => p.Probability);
            figures.AppendLine(verdict.IsConclusive
                ? string.Create(text, $"Model '{verdict.Title}': the trace resembles {verdict.Verdict} (probability {top?.Probability:0.00}).")
                : string.Create(text, $"Model '{verdict.Title}': inconclusive ({verdict.InconclusiveReason})."));
        }

        return figures.ToString();
    }
}
