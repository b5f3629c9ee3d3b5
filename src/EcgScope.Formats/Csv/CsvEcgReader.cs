using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats.AppleHealth;
using EcgScope.Formats.Text;

namespace EcgScope.Formats.Csv;

/// <summary>
/// Reads ECG samples from delimited text (.csv, .tsv, .txt): one row per sample time, one column per lead.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Delimiter: tab, semicolon, comma or whitespace, detected (<see cref="CsvDialect"/>); semicolon- and
/// tab-separated files may use a decimal comma. Fields may be quoted. Lines starting with '#' are comments.</item>
/// <item>Header: a first row with any non-numeric cell names the columns ("MLII (mV)", "V1 [uV]"); otherwise leads are
/// "Lead 1".."Lead N".</item>
/// <item>Rate: from a time column (named time, t, seconds, sec, elapsed or timestamp, in s unless the name gives
/// ms: "time (ms)", "timestamp_ms", "msec", "millis"; or else a first column that increases uniformly and is not a
/// plain 0, 1, 2... row number), checked for uniformity and for a plausible rate (20 Hz to 100 kHz); otherwise
/// <see cref="EcgReadOptions.SamplingRate"/>. A given rate that differs from the time column's by more than 1 % is
/// an error naming both.</item>
/// <item>Units: a header suffix, else <see cref="EcgReadOptions.Unit"/>, else mV. Empty cells are NaN; "inf", "NaN" or an overflowing number is an error, not a sample.</item>
/// </list>
/// Files that a specific reader owns (Apple Health CSV) are not claimed.
/// </remarks>
public sealed class CsvEcgReader : EcgFormatReader
{
    /// <summary>The name reported in <see cref="EcgMetadata.SourceFormat"/>.</summary>
    public const string Format = "CSV";

    private static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".tab"];

    /// <inheritdoc />
    public override string FormatName => Format;

    /// <inheritdoc />
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Extensions.Contains(Path.GetExtension(source.Name), StringComparer.OrdinalIgnoreCase) || !TextLines.LooksLikeText(head))
        {
            return false;
        }

        var text = TextLines.Decode(head);
        if (AppleHealthCsvReader.LooksLikeAppleHealthCsv(text))
        {
            return false;
        }

        var lines = ContentLines(text).Select(line => text.Substring(line.Start, line.Length)).ToList();
        if (lines.Count > 1 && !text.EndsWith('\n'))
        {
            lines.RemoveAt(lines.Count - 1); // cut off at the end of the head
        }

        var dialect = CsvDialect.Detect(lines);
        var fields = new List<Range>();
        return lines.Exists(line => CsvFields.TrySplit(line, dialect.Delimiter, fields)
            && fields.TrueForAll(field => dialect.TryParseCell(line.AsSpan()[field], out _)));
    }

    /// <inheritdoc />
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var path = source.Name;
        var text = source.ReadAllText();
        var lines = ContentLines(text);
        if (lines.Count == 0)
        {
            throw new EcgFormatException(path, "the file holds no rows.");
        }

        var dialect = CsvDialect.Detect([.. lines.Take(20).Select(line => text.Substring(line.Start, line.Length))]);
        var fields = new List<Range>();
        var first = text.Substring(lines[0].Start, lines[0].Length);
        Split(path, first, lines[0].Number, dialect, fields);
        var hasHeader = fields.Exists(field => !dialect.TryParseCell(first.AsSpan()[field], out _));
        var header = hasHeader ? fields.Select(field => CsvColumnName.Parse(CsvFields.Text(first, field))).ToList() : null;
        var table = ReadTable(path, text, hasHeader ? lines.Skip(1).ToList() : lines, fields.Count, dialect, header);
        return BuildRecord(path, table, header, options, dialect);
    }

    private static CsvTable ReadTable(
        string path, string text, List<ContentLine> rows, int columnCount, CsvDialect dialect, List<CsvColumnName>? header)
    {
        if (rows.Count == 0)
        {
            throw new EcgFormatException(path, "the file has a header but no data rows.");
        }

        var columns = new double[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            columns[c] = new double[rows.Count];
        }

        var rowLines = new int[rows.Count];
        var fields = new List<Range>(columnCount);
        for (var r = 0; r < rows.Count; r++)
        {
            var line = text.AsSpan(rows[r].Start, rows[r].Length);
            rowLines[r] = rows[r].Number;
            Split(path, line, rows[r].Number, dialect, fields);
            if (fields.Count != columnCount)
            {
                throw new EcgFormatException(path,
                    $"expected {columnCount} {dialect.DelimiterName}-separated fields, found {fields.Count}.", line: rows[r].Number);
            }

            for (var c = 0; c < columnCount; c++)
            {
                if (!dialect.TryParseCell(line[fields[c]], out columns[c][r]))
                {
                    var name = header?[c].Name is { Length: > 0 } n ? $" ('{n}')" : string.Empty;
                    throw new EcgFormatException(path,
                        $"column {c + 1}{name}: '{line[fields[c]].ToString().Trim()}' is not a number.", line: rows[r].Number);
                }
            }
        }

        return new CsvTable(columns, rowLines);
    }

    private static EcgRecord BuildRecord(
        string path, CsvTable table, List<CsvColumnName>? header, EcgReadOptions options, CsvDialect dialect)
    {
        var roles = ColumnRoles(table, header);
        if (!roles.Contains(CsvColumnRole.Lead))
        {
            throw new EcgFormatException(path, "no lead columns (only time or sample-number columns).");
        }

        var timeColumn = Array.IndexOf(roles, CsvColumnRole.Time);
        var rate = timeColumn >= 0
            ? TimeColumnRate(path, table, header, timeColumn, options.SamplingRate)
            : options.SamplingRate
                ?? throw new EcgFormatException(path,
                    "the file has no time column, so the sampling rate must be given (EcgReadOptions.SamplingRate).");

        var leads = ImmutableArray.CreateBuilder<EcgLead>();
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] != CsvColumnRole.Lead)
            {
                continue;
            }

            var unit = header?[c].Unit ?? options.Unit ?? "mV";
            if (!VoltageUnits.TryGetMillivoltFactor(unit, out var factor))
            {
                throw new EcgFormatException(path,
                    $"column {c + 1}: unknown unit '{unit}' (expected mV, uV, µV or V).", line: header is null ? null : 1);
            }

            var samples = table.Columns[c];
            foreach (ref var sample in samples.AsSpan())
            {
                sample *= factor;
            }

            var name = header?[c].Name is { Length: > 0 } n ? n : $"Lead {leads.Count + 1}";
            leads.Add(EcgLead.FromOwnedArray(name, samples));
        }

        return new EcgRecord(leads.ToImmutable(), rate)
        {
            Metadata = new EcgMetadata
            {
                SourceFormat = Format,
                Properties = ImmutableDictionary<string, string>.Empty.Add("Delimiter", dialect.DelimiterName),
            },
        };
    }

    private static CsvColumnRole[] ColumnRoles(CsvTable table, List<CsvColumnName>? header)
    {
        var roles = header?.Select(column => column.Role).ToArray() ?? new CsvColumnRole[table.Columns.Length];
        var firstTime = Array.IndexOf(roles, CsvColumnRole.Time);
        for (var c = firstTime + 1; firstTime >= 0 && c < roles.Length; c++)
        {
            // A second time-like column (say "timestamp" beside "time") is redundant with the first.
            roles[c] = roles[c] == CsvColumnRole.Time ? CsvColumnRole.SampleIndex : roles[c];
        }

        // An ECG lead never rises in equal steps, so a uniformly increasing first column is the time axis (or, when it
        // counts 0, 1, 2..., a row number) even when its name does not say so.
        var firstColumn = table.Columns[0];
        if (firstTime < 0 && roles.Length >= 2 && roles[0] == CsvColumnRole.Lead && UniformTimeAxis.IsUniform(firstColumn))
        {
            roles[0] = IsRowNumber(firstColumn) ? CsvColumnRole.SampleIndex : CsvColumnRole.Time;
        }

        return roles;
    }

    private static bool IsRowNumber(double[] column) =>
        column[1] - column[0] == 1 && column[0] == Math.Floor(column[0]) && column[^1] - column[0] == column.Length - 1;

    // The rate a time column gives, refused when it is no plausible ECG rate (a millisecond column read as seconds gives
    // 1/1000 of the true rate) or when it disagrees with the rate the caller gave: picking one silently would be wrong.
    private static SamplingRate TimeColumnRate(
        string path, CsvTable table, List<CsvColumnName>? header, int timeColumn, SamplingRate? given)
    {
        const double minimumHertz = 20, maximumHertz = 100_000, agreement = 0.01;
        var unit = header?[timeColumn].Unit;
        if (!CsvColumnName.TryGetSecondsPerUnit(unit, out var secondsPerUnit))
        {
            throw new EcgFormatException(path, $"unknown time unit '{unit}' (expected s or ms).", line: 1);
        }

        var rate = UniformTimeAxis.Rate(path, table.Columns[timeColumn], table.RowLines, secondsPerUnit);
        var times = table.Columns[timeColumn];
        var step = (times[^1] - times[0]) / (times.Length - 1);
        var column = header?[timeColumn].Name is { Length: > 0 } name ? $"column {timeColumn + 1} ('{name}')" : $"column {timeColumn + 1}";
        var unitName = secondsPerUnit == 1 ? "seconds" : "milliseconds";
        var invariant = CultureInfo.InvariantCulture;
        if (given is { } option && Math.Abs(option.Hertz - rate.Hertz) > agreement * option.Hertz)
        {
            throw new EcgFormatException(path, string.Create(invariant,
                $"the sampling rate given ({option.Hertz:G6} Hz) disagrees with {column}, taken as time in {unitName}, whose step {step:G6} gives {rate.Hertz:G6} Hz; fix the rate or name the time unit in the header (e.g. 'time (ms)')."));
        }

        if (rate.Hertz is < minimumHertz or > maximumHertz)
        {
            throw new EcgFormatException(path, string.Create(invariant,
                $"{column} was taken as time in {unitName}, but its step {step:G6} gives {rate.Hertz:G6} Hz, which is no ECG sampling rate ({minimumHertz:G} Hz to {maximumHertz:G} Hz); name its unit in the header (e.g. 'time (ms)') or give the rate (--sampling-rate)."));
        }

        return rate;
    }

    private static void Split(string path, ReadOnlySpan<char> line, int number, CsvDialect dialect, List<Range> fields)
    {
        if (!CsvFields.TrySplit(line, dialect.Delimiter, fields))
        {
            throw new EcgFormatException(path, "a quoted field is not closed, or text follows its closing quote.", line: number);
        }
    }

    /// <summary>Lines that are neither blank nor comments, with their 1-based numbers.</summary>
    private static List<ContentLine> ContentLines(string text)
    {
        var lines = new List<ContentLine>();
        foreach (var line in TextLines.Enumerate(text))
        {
            var trimmed = line.Text.TrimStart();
            if (!trimmed.IsEmpty && trimmed[0] != '#')
            {
                lines.Add(new ContentLine(line.Number, line.Start, line.Text.Length));
            }
        }

        return lines;
    }

    private readonly record struct ContentLine(int Number, int Start, int Length);

    private sealed record CsvTable(double[][] Columns, int[] RowLines);
}
