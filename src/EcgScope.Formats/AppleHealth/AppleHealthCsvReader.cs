using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using EcgScope.Core;
using EcgScope.Formats.Text;

namespace EcgScope.Formats.AppleHealth;

/// <summary>
/// Reads the ECG CSV files of an Apple Health export (<c>electrocardiograms/ecg_YYYY-MM-DD.csv</c>): a block of
/// "key,value" header lines, then one sample per line in µV. The number format follows the phone's locale, so a
/// sample is "-160.933" or "-160,933"; a sample line is always one number, never two columns.
/// </summary>
/// <remarks>
/// Privacy: the Name and Date of Birth lines are read past and never stored. The record keeps only what analysis
/// needs: start time, rate, lead, unit-converted samples, classification, symptoms, device and software version.
/// </remarks>
public sealed partial class AppleHealthCsvReader : EcgFormatReader
{
    /// <summary>The name reported in <see cref="EcgMetadata.SourceFormat"/>.</summary>
    public const string Format = "Apple Health CSV";

    private const int MinimumKnownKeys = 3;

    /// <inheritdoc />
    public override string FormatName => Format;

    /// <inheritdoc />
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head) =>
        TextLines.LooksLikeText(head) && LooksLikeAppleHealthCsv(TextLines.Decode(head));

    /// <summary>
    /// Whether <paramref name="text"/> (the start of a file) opens with Apple's header: at least three known keys,
    /// one of them the sample rate, before the first sample line.
    /// </summary>
    internal static bool LooksLikeAppleHealthCsv(string text)
    {
        var knownKeys = 0;
        var hasSampleRate = false;
        foreach (var line in TextLines.Enumerate(text))
        {
            var content = line.Text.Trim();
            if (content.IsEmpty)
            {
                continue;
            }

            if (IsSampleLine(content))
            {
                break;
            }

            var comma = content.IndexOf(',');
            if (comma > 0 && AppleHealthCsvKeys.TryGetField(content[..comma], out var field))
            {
                knownKeys++;
                hasSampleRate |= field == AppleHealthCsvField.SampleRate;
            }
        }

        return hasSampleRate && knownKeys >= MinimumKnownKeys;
    }

    /// <inheritdoc />
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var path = source.Name;
        var text = source.ReadAllText();
        var header = new Dictionary<AppleHealthCsvField, (string Value, int Line)>();
        var samples = new double[CountLines(text)];
        var sampleCount = 0;
        char? decimalSeparator = null;
        var decimalSeparatorLine = 0;

        foreach (var line in TextLines.Enumerate(text))
        {
            var content = line.Text.Trim();
            if (content.IsEmpty)
            {
                continue;
            }

            if (sampleCount == 0 && !IsSampleLine(content))
            {
                ReadHeaderLine(content, line.Number, header);
                continue;
            }

            if (content.IndexOfAny('.', ',') is var at and >= 0)
            {
                if (decimalSeparator is null)
                {
                    (decimalSeparator, decimalSeparatorLine) = (content[at], line.Number);
                }
                else if (content[at] != decimalSeparator)
                {
                    throw new EcgFormatException(path,
                        $"'{content}' uses '{content[at]}' as decimal separator, but line {decimalSeparatorLine} uses '{decimalSeparator}'.",
                        line: line.Number);
                }
            }

            if (!DecimalText.TryParse(content, decimalSeparator == ',', out samples[sampleCount]))
            {
                throw new EcgFormatException(path,
                    $"'{Shorten(content)}' is not a number (sample {sampleCount + 1}; samples are one number per line).",
                    line: line.Number);
            }

            sampleCount++;
        }

        return BuildRecord(path, header, samples, sampleCount);
    }

    private static EcgRecord BuildRecord(
        string path, Dictionary<AppleHealthCsvField, (string Value, int Line)> header, double[] samples, int sampleCount)
    {
        if (sampleCount == 0)
        {
            throw new EcgFormatException(path, "no samples after the header.");
        }

        var rate = ParseSampleRate(path, header);
        var unitFactor = ParseUnitFactor(path, header);
        Array.Resize(ref samples, sampleCount);
        foreach (ref var sample in samples.AsSpan())
        {
            sample *= unitFactor;
        }

        var metadata = new EcgMetadata
        {
            SourceFormat = Format,
            Device = Value(header, AppleHealthCsvField.Device),
            Software = Value(header, AppleHealthCsvField.SoftwareVersion),
            DeviceClassification = Value(header, AppleHealthCsvField.Classification),
            Comments = Value(header, AppleHealthCsvField.Symptoms) is { } symptoms ? [symptoms] : [],
        };
        var recorded = Value(header, AppleHealthCsvField.RecordedDate);
        var startTime = ParseRecordedDate(recorded);
        if (recorded is not null && startTime is null)
        {
            // Kept verbatim rather than dropped: another locale may write dates differently.
            metadata = metadata with { Properties = ImmutableDictionary<string, string>.Empty.Add("Recorded Date", recorded) };
        }

        return new EcgRecord([EcgLead.FromOwnedArray(LeadName(header), samples)], rate)
        {
            StartTime = startTime,
            Metadata = metadata,
        };
    }

    private static void ReadHeaderLine(
        ReadOnlySpan<char> content, int lineNumber, Dictionary<AppleHealthCsvField, (string Value, int Line)> header)
    {
        var comma = content.IndexOf(',');
        if (comma <= 0 || !AppleHealthCsvKeys.TryGetField(content[..comma], out var field))
        {
            // Unknown header lines (another language, a newer export) are passed over: they may be personal data.
            return;
        }

        if (field is AppleHealthCsvField.Name or AppleHealthCsvField.DateOfBirth)
        {
            return;
        }

        header[field] = (Unquote(content[(comma + 1)..].Trim()), lineNumber);
    }

    private static SamplingRate ParseSampleRate(string path, Dictionary<AppleHealthCsvField, (string Value, int Line)> header)
    {
        if (!header.TryGetValue(AppleHealthCsvField.SampleRate, out var entry))
        {
            throw new EcgFormatException(path, "no 'Sample Rate' line in the header.");
        }

        var match = SampleRatePattern().Match(entry.Value);
        if (!match.Success || !DecimalText.TryParseEither(match.Groups["hertz"].ValueSpan, out var hertz) || hertz <= 0)
        {
            throw new EcgFormatException(path, $"sample rate '{entry.Value}' is not a positive number of hertz.", line: entry.Line);
        }

        return new SamplingRate(hertz);
    }

    private static double ParseUnitFactor(string path, Dictionary<AppleHealthCsvField, (string Value, int Line)> header)
    {
        if (!header.TryGetValue(AppleHealthCsvField.Unit, out var entry))
        {
            throw new EcgFormatException(path, "no 'Unit' line in the header.");
        }

        return VoltageUnits.TryGetMillivoltFactor(entry.Value, out var factor)
            ? factor
            : throw new EcgFormatException(path, $"unknown unit '{entry.Value}' (expected µV, uV or mV).", line: entry.Line);
    }

    private static DateTimeOffset? ParseRecordedDate(string? value)
    {
        var match = value is null ? Match.Empty : RecordedDatePattern().Match(value);
        if (!match.Success || !DateTime.TryParseExact(
                match.Groups["local"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = new TimeSpan(
            int.Parse(match.Groups["hours"].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minutes"].ValueSpan, CultureInfo.InvariantCulture),
            0);
        offset = match.Groups["sign"].Value == "-" ? -offset : offset;
        var plausible = offset.Duration() <= TimeSpan.FromHours(14) && local.Year is > 1 and < 9999;
        return plausible ? new DateTimeOffset(local, offset) : null;
    }

    private static string LeadName(Dictionary<AppleHealthCsvField, (string Value, int Line)> header)
    {
        var lead = Value(header, AppleHealthCsvField.Lead) ?? "Lead I";
        var name = lead.StartsWith("Lead ", StringComparison.OrdinalIgnoreCase) ? lead[5..].Trim() : lead;
        return name.Length > 0 ? name : "I";
    }

    private static string? Value(Dictionary<AppleHealthCsvField, (string Value, int Line)> header, AppleHealthCsvField field) =>
        header.TryGetValue(field, out var entry) && entry.Value.Length > 0 ? entry.Value : null;

    private static bool IsSampleLine(ReadOnlySpan<char> content) => DecimalText.TryParseEither(content, out _);

    private static string Unquote(ReadOnlySpan<char> value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? value[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal)
            : value.ToString();

    private static int CountLines(string text) => text.AsSpan().Count('\n') + text.AsSpan().Count('\r') + 1;

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");

    [GeneratedRegex(@"^\s*(?<hertz>\d+(?:[.,]\d+)?)\s*(?:hertz|hz)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SampleRatePattern();

    [GeneratedRegex(@"^(?<local>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ?(?<sign>[+-])(?<hours>\d\d):?(?<minutes>\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordedDatePattern();
}
