using EcgScope.Core;

namespace EcgScope.Signal.Detection;

/// <summary>
/// Fuses the R-peaks detected separately on the leads of one record into one beat list: a beat is kept where at least
/// half of the leads detected it within a short window, at the median of their positions. A noise spike or a tall T
/// wave in one lead does not become a beat, and a beat lost in one noisy lead is still found in the others. Useful
/// from three leads on; with two, half is one lead, and fusion is the union of both.
/// </summary>
public static class LeadFusion
{
    /// <summary>
    /// How far after a beat's first detection the other leads' detections still count as the same beat: 75 ms (chosen on
    /// the odd-numbered LUDB records; QRS peaks differ between leads by tens of milliseconds).
    /// </summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromMilliseconds(75);

    /// <summary>Runs <paramref name="detector"/> on every lead of <paramref name="record"/> and fuses the results.</summary>
    public static int[] Detect(IRPeakDetector detector, EcgRecord record, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(record);
        var perLead = record.Leads.Select(lead => detector.Detect(lead.Span, record.SamplingRate)).ToArray();
        return Fuse(perLead, record.SamplingRate, window);
    }

    /// <summary>
    /// Fuses per-lead detections (each ascending): sweeping in time, a beat gathers the first detection not yet used
    /// and, from each other lead, its first unused detection within <paramref name="window"/> (default
    /// <see cref="DefaultWindow"/>) after it; the beat is kept when at least half of the leads (rounded up) are in it.
    /// </summary>
    /// <returns>The fused R-peak sample indices, ascending.</returns>
    public static int[] Fuse(IReadOnlyList<int[]> perLead, SamplingRate rate, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(perLead);
        var reach = rate.SamplesIn((window ?? DefaultWindow).TotalSeconds);
        var needed = (perLead.Count + 1) / 2;
        var next = new int[perLead.Count];
        var members = new List<int>(perLead.Count);
        var fused = new List<int>();
        while (EarliestUnused(perLead, next) is var lead and >= 0)
        {
            var start = perLead[lead][next[lead]];
            members.Clear();
            for (var l = 0; l < perLead.Count; l++)
            {
                if (next[l] < perLead[l].Length && perLead[l][next[l]] <= start + reach)
                {
                    members.Add(perLead[l][next[l]++]);
                }
            }

            if (members.Count >= needed)
            {
                members.Sort();
                fused.Add(members[members.Count / 2]);
            }
        }

        return RWaveLocator.StrictlyAscending([.. fused]);
    }

    /// <summary>The lead whose next unused detection comes first; -1 when every lead is used up.</summary>
    private static int EarliestUnused(IReadOnlyList<int[]> perLead, int[] next)
    {
        var earliest = -1;
        for (var l = 0; l < perLead.Count; l++)
        {
            if (next[l] < perLead[l].Length && (earliest < 0 || perLead[l][next[l]] < perLead[earliest][next[earliest]]))
            {
                earliest = l;
            }
        }

        return earliest;
    }
}
