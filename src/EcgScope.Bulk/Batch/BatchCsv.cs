using System.Globalization;
using System.Text;

namespace EcgScope.Bulk.Batch;

/// <summary>
/// The results file's CSV (RFC 4180: comma-separated, CRLF after every row, a field quoted when it holds a comma or a
/// quote, quotes doubled). Line breaks inside a value (a long error message) become spaces, so that every row is one
/// line: a row cut short by a crash is then simply a last line without its CRLF, and line tools (wc -l, grep) count rows.
/// Numbers use '.' as the decimal point whatever the culture; a missing value is an empty field.
/// </summary>
public static class BatchCsv
{
    /// <summary>The row terminator.</summary>
    public const string NewLine = "\r\n";

    /// <summary>The column of the record's name.</summary>
    public const int FileColumn = 0;

    /// <summary>The column of the record files' length.</summary>
    public const int BytesColumn = 1;

    /// <summary>The column of the record files' latest write time.</summary>
    public const int ModifiedColumn = 2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] LeadingColumns =
    [
        "file", "fileBytes", "fileModifiedUtc", "format", "durationSeconds", "samplingRateHz", "leads", "measuredLead",
        "heartRateBpm", "medianHeartRateBpm", "sdnnMs", "rmssdMs", "qualityVerdict",
    ];

    private static readonly string[] TrailingColumns = ["elapsedMs", "error"];

    /// <summary>The column names for <paramref name="models"/>: three per model (MODEL.verdict, MODEL.topProbability, MODEL.inconclusiveReason).</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return [.. LeadingColumns, .. models.SelectMany(m => new[] { $"{m}.verdict", $"{m}.topProbability", $"{m}.inconclusiveReason" }), .. TrailingColumns];
    }

    /// <summary>The models whose columns <paramref name="columns"/> (a header line's fields) hold; null when it is not a results file's header.</summary>
    public static IReadOnlyList<string>? ModelsOf(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        const string suffix = ".verdict";
        var models = columns.Where(c => c.EndsWith(suffix, StringComparison.Ordinal)).Select(c => c[..^suffix.Length]).ToList();
        return columns.SequenceEqual(Columns(models), StringComparer.Ordinal) ? models : null;
    }

    /// <summary>The error column: the last one.</summary>
    public static int ErrorColumn(int columnCount) => columnCount - 1;

    /// <summary>
    /// <paramref name="row"/> as one CSV line with its CRLF, with the outcomes of <paramref name="models"/> in that
    /// order (empty fields for a model the row has none of: a record that failed).
    /// </summary>
    public static string Line(BatchRow row, IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(models);
        string?[] fields =
        [
            row.File, row.FileBytes.ToString(Invariant), FormatTime(row.FileModifiedUtc), row.Format, Number(row.DurationSeconds),
            Number(row.SamplingRateHz), row.Leads?.ToString(Invariant), row.MeasuredLead, Number(row.HeartRateBpm),
            Number(row.MedianHeartRateBpm), Number(row.SdnnMs), Number(row.RmssdMs), row.QualityVerdict,
        ];
        var outcomes = models
            .Select(model => row.Models.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(m => new[] { m?.Verdict, Number(m?.TopProbability), m?.InconclusiveReason });
        return Line([.. fields, .. outcomes, Number(Math.Round(row.ElapsedMs, 1)), row.Error]);
    }

    /// <summary><paramref name="fields"/> as one CSV line with its CRLF; null is an empty field.</summary>
    public static string Line(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(',', fields.Select(Field)) + NewLine;
    }

    /// <summary>
    /// The fields of one line (without its line break), or null when it is not a whole CSV line: a quote left open,
    /// text after a closing quote, or a line break (which <see cref="Line(IEnumerable{string?})"/> never writes inside a row).
    /// </summary>
    public static IReadOnlyList<string>? Fields(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    return null;
                }
            }
            else
            {
                var end = line.IndexOf(',', i);
                end = end < 0 ? line.Length : end;
                field.Append(line, i, end - i);
                i = end;
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }

            i++;
        }
    }

    /// <summary>A write time as the file holds it: ISO 8601 UTC to 100 ns, so it reads back to the same value.</summary>
    public static string FormatTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", Invariant);

    /// <summary>A write time as <see cref="FormatTime"/> wrote it; null when it is not one.</summary>
    public static DateTime? ParseTime(string text) =>
        DateTime.TryParseExact(text, "O", Invariant, DateTimeStyles.RoundtripKind, out var time) ? time : null;

    private static string? Number(double? value) => value?.ToString("0.######", Invariant);

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value.ReplaceLineEndings(" ");
        return text.AsSpan().IndexOfAny(",\"") >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
