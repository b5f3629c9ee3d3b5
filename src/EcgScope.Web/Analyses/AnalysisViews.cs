using System.Collections.Immutable;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Quality;
using EcgScope.Web.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace EcgScope.Web.Analyses;

/// <summary>A stored analysis with the library's results behind it, for the page, the trace and the PDF.</summary>
/// <param name="Stored">The stored analysis.</param>
/// <param name="Report">The results, made again from the stored signal.</param>
public sealed record AnalysisView(StoredAnalysis Stored, RecordReport Report)
{
    /// <summary>The lead the record's summary refers to (its R-peaks are marked on the trace).</summary>
    public LeadAnalysis ReferenceLead { get; } =
        Report.AnalysisResult.Leads.FirstOrDefault(lead => lead.LeadName == Report.AnalysisResult.Summary.ReferenceLead) ?? Report.AnalysisResult.Leads[0];

    /// <summary>The stretches of the reference lead too noisy to read.</summary>
    public ImmutableArray<SignalStretch> NoisyStretches { get; } = FindNoisyStretches(Report);

    private static ImmutableArray<SignalStretch> FindNoisyStretches(RecordReport report)
    {
        var leads = report.AnalysisResult.Leads;
        var reference = leads.FirstOrDefault(lead => lead.LeadName == report.AnalysisResult.Summary.ReferenceLead) ?? leads[0];
        var samples = report.Record.FindLead(reference.LeadName) ?? report.Record.Leads[0];
        return Signal.Quality.NoisyStretches.Find(samples.Span, report.Record.SamplingRate, reference.RPeaks.AsSpan());
    }
}

/// <summary>
/// Opens stored analyses. The drawings need the library's results (R-peaks as samples, relevance), which the JSON
/// only holds as numbers to print; they are made again from the stored signal (the analysis is deterministic and takes
/// milliseconds) and kept for a while, so a page, its trace and its PDF do the work once.
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
            return new AnalysisView(stored, RecordReport.Create(record, stored.FileName, stored.Format, registry, registry.Cards));
        });

    /// <summary>Forgets <paramref name="id"/> (after a delete).</summary>
    public void Forget(string id) => cache.Remove(id);
}
