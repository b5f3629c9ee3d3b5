using System.Globalization;
using EcgScope.Core;
using EcgScope.Imaging.Layout;
using EcgScope.Signal.Detection;

namespace EcgScope.Imaging.Rendering;

/// <summary>The words an ECG machine prints around the grid.</summary>
internal static class PageText
{
    /// <summary>
    /// The footer line as the genuine printouts write it, e.g. "0.05~150Hz AC50 25mm/s 10mm/mV 4*2.5s+1r ♥77": filter
    /// band, mains filter, speed, gain, columns × seconds per column (+ rhythm strips), heart rate ("♥--" when unknown).
    /// </summary>
    public static string Footer(PrintoutLayout layout, PrintoutOptions options, double? heartRateBpm)
    {
        var columns = layout.Panels.Select(panel => panel.LeftMillimeters).Distinct().Count();
        var columnSeconds = layout.Panels[0].DurationSeconds;
        var rhythm = layout.Arrangement == LeadArrangement.ThreeByFourWithRhythm ? "+1r" : "";
        var rate = heartRateBpm is { } bpm ? Math.Round(bpm).ToString(CultureInfo.InvariantCulture) : "--";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{options.BandText} {options.MainsText} {Speed(layout.Scale)} {Gain(layout.Scale)} {columns}*{columnSeconds:0.##}s{rhythm} \u2665{rate}");
    }

    /// <summary>The header's identity line: ID and date.</summary>
    public static string Identity(EcgRecord record, PrintoutOptions options)
    {
        var id = options.PatientId
            ?? (record.Metadata.Properties.TryGetValue("WFDB record", out var name) ? name : null)
            ?? "";
        var date = (options.Date ?? record.StartTime) is { } when
            ? when.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "";
        return $"ID : {id}        {date}".TrimEnd();
    }

    /// <summary>The header's settings line: speed, gain, sampling rate.</summary>
    public static string Settings(EcgRecord record, PrintoutLayout layout) =>
        string.Create(CultureInfo.InvariantCulture, $"Speed: {Speed(layout.Scale)}    Gain: {Gain(layout.Scale)}    {record.SamplingRate.Hertz:0.##} Hz    {record.DurationSeconds:0.##} s");

    /// <summary>
    /// The rate printed after the heart: <see cref="PrintoutOptions.HeartRateBpm"/>, else 60 over the mean R-R interval of
    /// the rhythm lead's R peaks (EcgScope's default detector); null with fewer than two peaks.
    /// </summary>
    public static double? HeartRateBpm(EcgRecord record, PrintoutLayout layout, PrintoutOptions options)
    {
        if (options.HeartRateBpm is { } given)
        {
            return given;
        }

        var rhythmLead = layout.Arrangement == LeadArrangement.ThreeByFourWithRhythm ? layout.Panels[^1].Lead : "II";
        var peaks = RPeakDetectors.Default.Detect(PrintedRecord.SourceLead(record, rhythmLead).Span, record.SamplingRate);
        return peaks.Length < 2 ? null : 60 * (peaks.Length - 1) / record.SamplingRate.SecondsAt(peaks[^1] - peaks[0]);
    }

    private static string Speed(PaperScale scale) => string.Create(CultureInfo.InvariantCulture, $"{scale.MillimetersPerSecond:0.##}mm/s");

    private static string Gain(PaperScale scale) => string.Create(CultureInfo.InvariantCulture, $"{scale.MillimetersPerMillivolt:0.##}mm/mV");
}
