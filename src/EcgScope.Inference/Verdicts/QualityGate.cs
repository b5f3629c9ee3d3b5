using EcgScope.Core;
using EcgScope.Signal.Quality;

namespace EcgScope.Inference.Verdicts;

/// <summary>
/// The signal-quality rule behind "inconclusive": the leads a model reads are judged as recorded, and a model gives up
/// when at least half of them are unacceptable (for a single-lead model: when its lead is). Serving and the model
/// cards' offline figures both apply it, so the inconclusive share a card states is the one users get.
/// </summary>
public static class QualityGate
{
    /// <summary>Why the leads <paramref name="leadsRead"/> of <paramref name="record"/> are too poor to read, or null when they are not.</summary>
    public static string? Reason(EcgRecord record, IEnumerable<string> leadsRead)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(leadsRead);
        var leads = leadsRead.Select(name => record.FindLead(name) ?? record.Leads[0]).ToList();
        var unreadable = leads.Where(lead => SignalQuality.Assess(lead.Name, lead.Span, record.SamplingRate).Verdict == QualityVerdict.Unacceptable)
            .Select(lead => lead.Name).ToList();
        if (unreadable.Count == 0 || 2 * unreadable.Count < leads.Count)
        {
            return null;
        }

        return unreadable.Count == 1
            ? $"the signal quality of lead {unreadable[0]} is too poor for this model to read"
            : $"the signal quality of leads {string.Join(", ", unreadable)} is too poor for this model to read";
    }
}
