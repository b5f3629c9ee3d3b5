using System.Globalization;
using System.Text.RegularExpressions;

namespace EcgScope.Formats.Pdf;

/// <summary>
/// The facts line under the strips: "25 mm/s, 10 mm/mV, Lead I, 512Hz, iOS 26.3.1, watchOS 11.1, Watch7,8, Algorithm
/// Version 2 — The waveform is similar to a Lead I ECG. …". Paper speed, gain, lead and rate are required: the reader
/// scales and times the trace with them.
/// </summary>
internal sealed partial record AppleEcgFooter(
    double PaperSpeedMmPerSecond,
    double GainMmPerMillivolt,
    string Lead,
    double SamplingRateHz,
    string? IosVersion,
    string? WatchOsVersion,
    string? Device,
    string? AlgorithmVersion)
{
    /// <summary>Whether a run looks like the footer (it states a paper speed or a gain).</summary>
    public static bool IsFooter(TextRun run) => run.Text.Contains("mm/s", StringComparison.Ordinal) || run.Text.Contains("mm/mV", StringComparison.Ordinal);

    /// <summary>Parses the footer, or says which required value it lacks.</summary>
    public static AppleEcgFooter Parse(TextRun footer, out string? missing)
    {
        var text = footer.Text;
        var speed = Number(SpeedPattern().Match(text));
        var gain = Number(GainPattern().Match(text));
        var rate = Number(RatePattern().Match(text));
        var lead = LeadPattern().Match(text);
        missing = speed is not > 0 ? "a paper speed (\"25 mm/s\")"
            : gain is not > 0 ? "a gain (\"10 mm/mV\")"
            : rate is not > 0 ? "a sampling rate (\"512Hz\")"
            : !lead.Success ? "a lead (\"Lead I\")"
            : null;
        return new AppleEcgFooter(
            speed ?? 0,
            gain ?? 0,
            lead.Success ? lead.Groups[1].Value : string.Empty,
            rate ?? 0,
            Group(IosPattern().Match(text)),
            Group(WatchOsPattern().Match(text)),
            Group(DevicePattern().Match(text)),
            Group(AlgorithmPattern().Match(text)));
    }

    private static double? Number(Match match) =>
        match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Group(Match match) => match.Success ? match.Groups[1].Value : null;

    [GeneratedRegex(@"(\d+(?:\.\d+)?) ?mm/s\b")]
    private static partial Regex SpeedPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?) ?mm/mV\b")]
    private static partial Regex GainPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?) ?Hz\b")]
    private static partial Regex RatePattern();

    // A comma-separated "Lead X" field; the disclaimer after the dash mentions "a Lead I ECG" too.
    [GeneratedRegex(@"(?:^|, )Lead ([A-Za-z0-9]+),")]
    private static partial Regex LeadPattern();

    [GeneratedRegex(@"\biOS (\d+(?:\.\d+)*)")]
    private static partial Regex IosPattern();

    [GeneratedRegex(@"\bwatchOS (\d+(?:\.\d+)*)")]
    private static partial Regex WatchOsPattern();

    [GeneratedRegex(@"\b(Watch\d+,\d+)")]
    private static partial Regex DevicePattern();

    [GeneratedRegex(@"\bAlgorithm Version (\S+?)(?:[ ,]|$)")]
    private static partial Regex AlgorithmPattern();
}
