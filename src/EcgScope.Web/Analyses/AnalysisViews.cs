using System.Collections.Immutable;
using System.Text.Json;
using EcgScope.Core;
using EcgScope.Inference.Explanations;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Quality;
using EcgScope.Web.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace EcgScope.Web.Analyses;

/// <summary>A stored analysis for the page, the trace and the PDF: its record and its document, as stored.</summary>
/// <param name="Stored">The stored analysis.</param>
/// <param name="Record">The record as the history keeps it.</param>
/// <param name="Document">The analysis as the REST API serves it.</param>
public sealed record AnalysisView(StoredAnalysis Stored, EcgRecord Record, AnalysisDocument Document)
{
    private ImmutableArray<SignalStretch>? noisyStretches;

    /// <summary>The measurements.</summary>
    public AnalyzeReport Analysis => Document.Analysis;

    /// <summary>The verdicts.</summary>
    public ClassifyReport Classification => Document.Classification;

    /// <summary>The lead the record's summary refers to (its R-peaks are marked on the trace).</summary>
    public LeadReport ReferenceLead => Analysis.MarkedLead() ?? Analysis.Leads[0];

    /// <summary>The reference lead's R-peaks, as sample indices.</summary>
    public ImmutableArray<int> RPeaks { get; } = Document.Analysis.MarkedRPeaks(Record.SamplingRate);

    /// <summary>Where the first explained verdict came from in the trace; null when no verdict was explained.</summary>
    public Relevance? Relevance { get; } = Document.Classification.Verdicts.SelectMany(verdict => verdict.Explanations).FirstOrDefault()?.ToRelevance();

    /// <summary>The stretches of the reference lead too noisy to read.</summary>
    public ImmutableArray<SignalStretch> NoisyStretches => noisyStretches ??= Signal.Quality.NoisyStretches.Find(
        (Record.FindLead(ReferenceLead.Name) ?? Record.Leads[0]).Span, Record.SamplingRate, RPeaks.AsSpan());
}

/// <summary>
/// Opens stored analyses. A view is made from the stored signal and document alone: nothing is analysed again, so the
/// page, the trace, the PDF and the JSON show the same results wherever the analysis ran (this process or a silo).
/// Views are kept for a while, so a page, its trace and its PDF read the signal once.
/// </summary>
public sealed class AnalysisViews(AnalysisStore store, IMemoryCache cache)
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

            var document = JsonSerializer.Deserialize<AnalysisDocument>(stored.DocumentJson, ReportJson.Options)!;
            return new AnalysisView(stored, StoredSignal.Read(stored.Signal), document);
        });

    /// <summary>Keeps a view just made, so opening it does not read the signal back.</summary>
    public void Remember(AnalysisView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        cache.Set(view.Stored.Id, view, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor, Size = 1 });
    }

    /// <summary>Forgets <paramref name="id"/> (after a delete).</summary>
    public void Forget(string id) => cache.Remove(id);
}
