using EcgScope.Core;

namespace EcgScope.Signal.Detection;

/// <summary>Finds R peaks (QRS complexes) in one ECG lead.</summary>
public interface IRPeakDetector
{
    /// <summary>A short stable name for reports and command lines, for example "pantompkins1985".</summary>
    string Name { get; }

    /// <summary>
    /// Detects the R peaks of <paramref name="signalMillivolts"/> sampled at <paramref name="rate"/>.
    /// Missing samples (NaN) are bridged with the last valid value.
    /// </summary>
    /// <returns>Sample indices of the R waves (the signal's local extremum, either polarity), ascending.</returns>
    int[] Detect(ReadOnlySpan<double> signalMillivolts, SamplingRate rate);
}

/// <summary>Runs an <see cref="IRPeakDetector"/> on a lead of an <see cref="EcgRecord"/>.</summary>
public static class RPeakDetectorExtensions
{
    /// <summary>Detects R peaks on the lead at <paramref name="leadIndex"/> (default: the first lead).</summary>
    public static int[] Detect(this IRPeakDetector detector, EcgRecord record, int leadIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(leadIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leadIndex, record.Leads.Length);
        return detector.Detect(record.Leads[leadIndex].Span, record.SamplingRate);
    }

    /// <summary>Detects R peaks on the lead called <paramref name="leadName"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The record has no such lead.</exception>
    public static int[] Detect(this IRPeakDetector detector, EcgRecord record, string leadName)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(record);
        var lead = record.FindLead(leadName)
            ?? throw new ArgumentException($"The record has no lead '{leadName}' (it has {string.Join(", ", record.LeadNames)}).", nameof(leadName));
        return detector.Detect(lead.Span, record.SamplingRate);
    }
}
