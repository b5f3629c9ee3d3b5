using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Filtering;

/// <summary>
/// Record-level ECG cleaning: zero-phase (forward-backward) filters applied to every lead, returning a new record
/// with the same metadata and annotations. Because filtering runs twice, a Butterworth cutoff ends at −6 dB and the
/// effective order doubles; peaks do not move. Missing samples (NaN) are bridged for filtering and stay NaN in the
/// result (see <see cref="NanGaps"/>). Cutoffs are in hertz and must lie strictly between 0 and Nyquist, otherwise
/// an <see cref="ArgumentOutOfRangeException"/> names the offending value.
/// </summary>
public static class EcgFilters
{
    /// <summary>Default Butterworth order.</summary>
    public const int DefaultOrder = 4;

    /// <summary>Band-pass, typically 0.5–40 Hz for monitoring or 0.05–150 Hz for diagnostic ECG.</summary>
    public static EcgRecord BandPass(EcgRecord record, double lowHz, double highHz, int order = DefaultOrder)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ZeroPhase(record, Butterworth.BandPass(order, lowHz, highHz, record.SamplingRate));
    }

    /// <summary>High-pass, typically 0.5 Hz, to remove baseline wander.</summary>
    public static EcgRecord HighPass(EcgRecord record, double cutoffHz, int order = DefaultOrder)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ZeroPhase(record, Butterworth.HighPass(order, cutoffHz, record.SamplingRate));
    }

    /// <summary>Low-pass, typically 40 Hz, to remove muscle noise.</summary>
    public static EcgRecord LowPass(EcgRecord record, double cutoffHz, int order = DefaultOrder)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ZeroPhase(record, Butterworth.LowPass(order, cutoffHz, record.SamplingRate));
    }

    /// <summary>Band-stop between <paramref name="lowHz"/> and <paramref name="highHz"/>.</summary>
    public static EcgRecord BandStop(EcgRecord record, double lowHz, double highHz, int order = DefaultOrder)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ZeroPhase(record, Butterworth.BandStop(order, lowHz, highHz, record.SamplingRate));
    }

    /// <summary>
    /// Mains notch at <paramref name="mainsHz"/> (50 or 60) with quality factor <paramref name="quality"/>, and its
    /// harmonics up to <paramref name="harmonics"/>·f below Nyquist; zero-phase.
    /// </summary>
    public static EcgRecord Notch(EcgRecord record, double mainsHz, double quality = Filtering.Notch.DefaultQuality, int harmonics = 1)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ZeroPhase(record, Filtering.Notch.Design(mainsHz, record.SamplingRate, quality, harmonics));
    }

    /// <summary>Applies <paramref name="filter"/> forwards and backwards to every lead.</summary>
    /// <exception cref="ArgumentException">The filter was designed for another sampling rate.</exception>
    public static EcgRecord ZeroPhase(EcgRecord record, SosFilter filter)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.SamplingRate != record.SamplingRate)
        {
            throw new ArgumentException($"The filter was designed for {filter.SamplingRate}, the record is sampled at {record.SamplingRate}.", nameof(filter));
        }

        var leads = record.Leads.Select(lead => lead.WithSamples(ZeroPhase(lead.Span, filter))).ToImmutableArray();
        return record.WithLeads(leads, record.SamplingRate);
    }

    /// <summary>Zero-phase filtering of one signal into a new array, NaN gaps bridged and restored.</summary>
    public static double[] ZeroPhase(ReadOnlySpan<double> samples, SosFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var output = new double[samples.Length];
        var hadGaps = NanGaps.Bridge(samples, output);
        if (hadGaps && double.IsNaN(output[0]))
        {
            return output; // bridging leaves NaN only when no sample at all is valid
        }

        filter.FiltFilt(output, output);
        if (hadGaps)
        {
            NanGaps.Restore(samples, output);
        }

        return output;
    }
}
