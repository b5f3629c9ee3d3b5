using System.Collections.Immutable;
using System.Text.Json;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Quality;
using EcgScope.Web.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace EcgScope.Web.Analyses;

/// <summary>A stored analysis with the library's results behind it, for the page, the trace and the PDF.</summary>
/// <param name="Stored">The stored analysis.</param>
/// <param name="Report">The results: those made when it was stored, or made again from the stored signal.</param>
public sealed record AnalysisView(StoredAnalysis Stored, RecordReport Report)
{
    private ImmutableArray<SignalStretch>? noisyStretches;

    /// <summary>The lead the record's summary refers to (its R-peaks are marked on the trace).</summary>
    public LeadAnalysis ReferenceLead { get; } =
        Report.AnalysisResult.Leads.FirstOrDefault(lead => lead.LeadName == Report.AnalysisResult.Summary.ReferenceLead) ?? Report.AnalysisResult.Leads[0];

    /// <summary>The stretches of the reference lead too noisy to read.</summary>
    public ImmutableArray<SignalStretch> NoisyStretches => noisyStretches ??= Signal.Quality.NoisyStretches.Find(
        (Report.Record.FindLead(ReferenceLead.LeadName) ?? Report.Record.Leads[0]).Span, Report.Record.SamplingRate, ReferenceLead.RPeaks.AsSpan());
}

/// <summary>
/// Opens stored analyses. The drawings need the library's results (R-peaks as samples, relevance), which the JSON
/// only holds as numbers to print. A fresh analysis is kept as it was made; an older one is made again from the stored
/// signal with the models it ran (the analysis is deterministic), and kept for a while, so a page, its trace and its
/// PDF do the work once.
/// </summary>
public sealed class AnalysisViews(AnalysisStore store, ModelRegistry registry, IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    /// <summary>The analysis <paramref name="id"/>, or null when the history has none.</summary>
    public AnalysisView? Find(string id) =>
        cache.GetOrCreate(id, entry =>
        {
            entry.SlidingExpiration = KeptFor;
            entry.Size = 1;
            if (store.Find(id) is not { } stored)
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1);
                return null;
            }

            var record = StoredSignal.Read(stored.Signal);
            return new AnalysisView(stored, RecordReport.Create(record, stored.FileName, stored.Format, registry, ModelsOf(stored), printoutVerdicts: PrintoutVerdictsOf(stored)));
        });

    /// <summary>Keeps a view just made, so opening it does not analyse the record again.</summary>
    public void Remember(AnalysisView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        cache.Set(view.Stored.Id, view, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor, Size = 1 });
    }

    /// <summary>Forgets <paramref name="id"/> (after a delete).</summary>
    public void Forget(string id) => cache.Remove(id);

    /// <summary>The image models' verdicts as the document keeps them: they read the printout, which is not kept, so they cannot be made again.</summary>
    private static List<VerdictReport> PrintoutVerdictsOf(StoredAnalysis stored) =>
        [.. JsonSerializer.Deserialize<AnalysisDocument>(stored.DocumentJson, ReportJson.Options)!.Classification.Verdicts.Where(verdict => verdict.LeadName == VerdictReport.WholePrintout)];

    /// <summary>The models the stored analysis ran, as its document names them: with a verdict, or unable to read the record.</summary>
    private IEnumerable<ModelCard> ModelsOf(StoredAnalysis stored)
    {
        using var document = JsonDocument.Parse(stored.DocumentJson);
        var classification = document.RootElement.GetProperty("classification");
        var names = classification.GetProperty("verdicts").EnumerateArray().Select(verdict => verdict.GetProperty("model").GetString())
            .Concat(classification.GetProperty("notApplicable").EnumerateArray().Select(model => model.GetString()?.Split(':')[0]))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. registry.Cards.Where(card => names.Contains(card.Name))];
    }
}
