using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Filtering;
using EcgScope.Signal.Normalization;
using EcgScope.Signal.Resampling;

namespace EcgScope.Inference.Preprocessing;

/// <summary>
/// Applies an <see cref="InputSpec"/> to a record: picks the leads, resamples, filters, cuts windows and normalises each.
/// Training and serving both go through here, so a model always sees what it was trained on.
/// </summary>
public static class InputPreparer
{
    /// <summary>
    /// Windows shorter than this share of <see cref="InputSpec.WindowSeconds"/> at a long record's end are dropped
    /// (the last full window already covers most of them).
    /// </summary>
    private const double MinimumTailShare = 0.5;

    /// <summary>Picks and resamples the leads and filters them: the record as the model's windows will be cut from it.</summary>
    public static EcgRecord Condition(EcgRecord record, InputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(spec);
        if (Unreadable(record, spec) is { } reason)
        {
            throw new ArgumentException($"This model cannot read the record: {reason}.", nameof(record));
        }

        var picked = Pick(record, spec);
        var resampled = Math.Abs(picked.SamplingRate.Hertz - spec.SampleRateHz) < 1e-9
            ? picked
            : Resampler.Resample(picked, new SamplingRate(spec.SampleRateHz));
        return EcgFilters.BandPass(resampled, spec.HighPassHz, spec.LowPassHz);
    }

    /// <summary>
    /// The leads <paramref name="spec"/> reads, as recorded (neither resampled nor filtered): for a single-lead model the
    /// lead its verdict names.
    /// </summary>
    public static EcgRecord Pick(EcgRecord record, InputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(spec);
        return record.WithLeads(PickLeads(record, spec.Leads), record.SamplingRate);
    }

    /// <summary>The whole record as windows: one from the start, then every full window after it.</summary>
    public static PreparedInput Prepare(EcgRecord record, InputSpec spec) => PrepareConditioned(Condition(record, spec), spec);

    /// <summary>As <see cref="Prepare"/>, for a record that has been through <see cref="Condition"/> already.</summary>
    public static PreparedInput PrepareConditioned(EcgRecord conditioned, InputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(conditioned);
        ArgumentNullException.ThrowIfNull(spec);
        var length = conditioned.SampleCount;
        var window = spec.WindowSamples;
        var starts = new List<int> { 0 };
        for (var start = window; start + (int)(window * MinimumTailShare) <= length; start += window)
        {
            // The last window ends at the record's end, overlapping the one before rather than padding.
            starts.Add(Math.Min(start, Math.Max(0, length - window)));
        }

        return Cut(conditioned, spec, starts.Distinct().ToArray());
    }

    /// <summary>Windows starting at <paramref name="starts"/> (samples of the conditioned record).</summary>
    public static PreparedInput Cut(EcgRecord conditioned, InputSpec spec, int[] starts)
    {
        ArgumentNullException.ThrowIfNull(conditioned);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(starts);
        var window = spec.WindowSamples;
        var leads = conditioned.Leads.Length;
        var samples = new float[starts.Length * leads * window];
        var valid = new int[starts.Length];
        var scratch = new double[window];
        for (var w = 0; w < starts.Length; w++)
        {
            var take = Math.Clamp(conditioned.SampleCount - starts[w], 0, window);
            valid[w] = take;
            for (var l = 0; l < leads; l++)
            {
                var source = conditioned.Leads[l].Span.Slice(starts[w], take);
                var target = samples.AsSpan((w * leads + l) * window, window);
                Normalize(source, scratch.AsSpan(0, take), spec.Normalization);
                for (var i = 0; i < take; i++)
                {
                    // Missing samples (NaN) become the lead's normalised zero, like the padding.
                    target[i] = double.IsFinite(scratch[i]) ? (float)scratch[i] : 0f;
                }
            }
        }

        return new PreparedInput(samples, starts.Length, leads, window, starts, valid);
    }

    private static void Normalize(ReadOnlySpan<double> source, Span<double> target, InputNormalization normalization)
    {
        switch (normalization)
        {
            case InputNormalization.ZScore:
                Normalizer.ZScore(source, target);
                break;
            case InputNormalization.MinMax:
                Normalizer.MinMax(source, target);
                break;
            default:
                source.CopyTo(target);
                break;
        }
    }

    /// <summary>Why a model with <paramref name="spec"/> cannot read <paramref name="record"/> (the leads it lacks), or null when it can.</summary>
    public static string? Unreadable(EcgRecord record, InputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(spec);
        var missing = spec.Leads.Length == 1 ? [] : spec.Leads.Where(name => record.FindLead(name) is null).ToList();
        return missing.Count == 0
            ? null
            : $"it reads the leads {string.Join(", ", spec.Leads)}; the record lacks {string.Join(", ", missing)} (it has {string.Join(", ", record.LeadNames)})";
    }

    private static ImmutableArray<EcgLead> PickLeads(EcgRecord record, ImmutableArray<string> leads)
    {
        if (leads.Length == 1)
        {
            // The trained lead, else the limb lead closest in shape (II), each only where it was recorded throughout (a
            // printout shows most leads for a quarter of the time); else the most complete lead. The verdict names the lead read.
            var lead = record.Leads.Length == 1
                ? record.Leads[0]
                : new[] { record.FindLead(leads[0]), record.FindLead("II") }.FirstOrDefault(candidate => candidate is not null && MostlyRecorded(candidate))
                    ?? record.Leads.MaxBy(RecordedSamples)!;
            return [lead];
        }

        return [.. leads.Select(name => record.FindLead(name)!)];
    }

    /// <summary>Whether at least 90 % of <paramref name="lead"/>'s samples are there (not NaN).</summary>
    private static bool MostlyRecorded(EcgLead lead) => RecordedSamples(lead) >= 0.9 * lead.Length;

    private static int RecordedSamples(EcgLead lead)
    {
        var recorded = 0;
        foreach (var sample in lead.Span)
        {
            recorded += double.IsNaN(sample) ? 0 : 1;
        }

        return recorded;
    }
}
