using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using EcgScope.Core;
using EcgScope.Formats.Csv;
using EcgScope.Formats.Text;

namespace EcgScope.Formats.Withings;

/// <summary>
/// The <c>signal.csv</c> of a Withings Health Mate data export: a header line
/// (<c>date,type,frequency,duration,wearposition,signal,doctor_assessment,doctor_name,checkup_date</c>), then one row
/// per recording, whose <c>signal</c> is one quoted field of comma-separated integers in µV. One file holds every ECG
/// the account recorded; <see cref="Recordings"/> lists them in file order, and
/// <see cref="WithingsEcgCsvReader.ToRecord(WithingsEcgFile, int)"/> turns any of them into a record.
/// </summary>
/// <remarks>Rows are lines: a quoted field that spans lines is reported as a quote that is not closed.</remarks>
public sealed record WithingsEcgFile
{
    private const NumberStyles SampleStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>The file's path or the stream's name, as named in errors.</summary>
    public required string Source { get; init; }

    /// <summary>The recordings, in file order (at least one).</summary>
    public required ImmutableArray<WithingsEcgRecording> Recordings { get; init; }

    /// <summary>Whether <paramref name="head"/> (the first bytes of a file) starts with a Withings ECG header line.</summary>
    public static bool HasHeader(ReadOnlySpan<byte> head)
    {
        if (!TextLines.LooksLikeText(head))
        {
            return false;
        }

        foreach (var line in TextLines.Enumerate(TextLines.Decode(head)))
        {
            return WithingsEcgColumns.IsHeader(line.Text);
        }

        return false;
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">The file is malformed; the message gives the line and what was wrong.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static WithingsEcgFile Read(string path) => Read(EcgSource.FromFile(path));

    /// <summary>Reads <paramref name="source"/> (a file or a buffered stream).</summary>
    /// <exception cref="EcgFormatException">The content is malformed; the message gives the line and what was wrong.</exception>
    public static WithingsEcgFile Read(EcgSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Parse(source.ReadAllText(), source.Name);
    }

    /// <summary>Parses the text of a <c>signal.csv</c>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EcgFormatException">The text is malformed; the message gives the line and what was wrong.</exception>
    public static WithingsEcgFile Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        WithingsEcgColumns? columns = null;
        var recordings = ImmutableArray.CreateBuilder<WithingsEcgRecording>();
        var fields = new List<Range>();
        foreach (var line in TextLines.Enumerate(text))
        {
            if (line.Text.IsWhiteSpace())
            {
                continue;
            }

            if (columns is null)
            {
                columns = WithingsEcgColumns.Parse(line.Text, source, line.Number);
                continue;
            }

            recordings.Add(ParseRow(line.Text, line.Number, columns, fields, source));
        }

        if (recordings.Count == 0)
        {
            throw new EcgFormatException(source, columns is null ? "the file is empty." : "the file holds a header but no recordings.");
        }

        return new WithingsEcgFile { Source = source, Recordings = recordings.ToImmutable() };
    }

    private static WithingsEcgRecording ParseRow(ReadOnlySpan<char> line, int number, WithingsEcgColumns columns, List<Range> fields, string source)
    {
        if (!CsvFields.TrySplit(line, ',', fields))
        {
            throw new EcgFormatException(source, line.Count('"') % 2 == 1
                ? "a quote is not closed (the signal must be one quoted field on the row's line)."
                : "text follows a closing quote before the next comma.", line: number);
        }

        if (fields.Count != columns.Count)
        {
            throw new EcgFormatException(source, string.Create(CultureInfo.InvariantCulture,
                $"the row has {fields.Count} fields but the header names {columns.Count} columns (is the signal quoted?)."), line: number);
        }

        var frequency = ParsePositive(Field(line, fields, columns["frequency"]), "frequency", "hertz", source, number);
        var duration = ParsePositive(Field(line, fields, columns["duration"]), "duration", "seconds", source, number);
        var samples = ParseSignal(line[fields[columns["signal"]]], source, number);
        var expected = frequency * duration;
        if (Math.Abs(expected - samples.Length) >= 0.5)
        {
            throw new EcgFormatException(source, string.Create(CultureInfo.InvariantCulture,
                $"the signal holds {samples.Length} samples, but frequency × duration = {frequency:0.###} Hz × {duration:0.###} s = {expected:0.###}."), line: number);
        }

        return new WithingsEcgRecording(
            number,
            ParseDate(Field(line, fields, columns["date"]), source, number),
            Field(line, fields, columns["type"]),
            frequency,
            duration,
            ParseWearPosition(Field(line, fields, columns["wearposition"]), source, number),
            ImmutableCollectionsMarshal.AsImmutableArray(samples),
            Field(line, fields, columns["doctor_assessment"]),
            Field(line, fields, columns["doctor_name"]),
            Field(line, fields, columns["checkup_date"]));
    }

    // A column's text, unquoted and trimmed; null when the header does not name the column or the field is empty.
    private static string? Field(ReadOnlySpan<char> line, List<Range> fields, int column) =>
        column >= 0 && CsvFields.Text(line, fields[column]) is { Length: > 0 } value ? value : null;

    // Integers in µV, to mV; the field is the content between the quotes.
    private static double[] ParseSignal(ReadOnlySpan<char> field, string source, int line)
    {
        if (field.IsWhiteSpace())
        {
            throw new EcgFormatException(source, "the signal field is empty.", line: line);
        }

        var samples = new double[field.Count(',') + 1];
        var position = 0;
        foreach (var range in field.Split(','))
        {
            var value = field[range];
            if (!int.TryParse(value, SampleStyle, CultureInfo.InvariantCulture, out var microvolts))
            {
                throw new EcgFormatException(source, string.Create(CultureInfo.InvariantCulture,
                    $"sample {position + 1} of the signal field, '{Shorten(value)}', is not an integer (µV)."), line: line);
            }

            samples[position++] = microvolts / 1000.0;
        }

        return samples;
    }

    private static double ParsePositive(string? text, string column, string unit, string source, int line) =>
        text is not null && DecimalText.TryParse(text, decimalComma: false, out var value) && value > 0
            ? value
            : throw new EcgFormatException(source, $"{column} '{text}' is not a positive number of {unit}.", line: line);

    private static DateTimeOffset ParseDate(string? text, string source, int line) =>
        DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new EcgFormatException(source, $"date '{text}' is not an ISO 8601 time with a UTC offset, such as 2023-07-25T03:35:18+02:00.", line: line);

    private static int? ParseWearPosition(string? text, string source, int line) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code
        : throw new EcgFormatException(source, $"wearposition '{text}' is not a whole-number code (1 = left wrist).", line: line);

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 20 ? text.ToString() : string.Concat(text[..20], "…");
}
