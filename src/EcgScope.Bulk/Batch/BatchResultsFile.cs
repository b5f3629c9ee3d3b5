using System.Text;

namespace EcgScope.Bulk.Batch;

/// <summary>
/// The results CSV of a batch, written as records finish and read back to resume. Each row is appended in one write
/// and flushed, so a crash can only cut the last line short; opening the file again cuts such a line off (its record
/// is analysed again) and ignores any line that is not a whole row. A record counts as done when a row names it with
/// the same length and write time; a record changed since is analysed again, and <see cref="Compact"/> keeps its
/// newest row. Safe to append to from several threads.
/// </summary>
public sealed class BatchResultsFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Dictionary<string, DoneRow> done;
    private readonly IReadOnlyList<string> models;
    private readonly IReadOnlyList<string> columns;
    private readonly Lock gate = new();
    private FileStream stream;

    private BatchResultsFile(string path, IReadOnlyList<string> models, Dictionary<string, DoneRow> done, int ignoredLines)
    {
        Path = path;
        this.models = models;
        columns = BatchCsv.Columns(models);
        this.done = done;
        IgnoredLines = ignoredLines;
        stream = OpenForAppend(path);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Lines found on opening that were not whole rows (cut short by a crash, or edited), now ignored.</summary>
    public int IgnoredLines { get; }

    /// <summary>
    /// Opens <paramref name="path"/> to add rows with the outcomes of <paramref name="models"/>: creates it with its
    /// header line, or resumes it, cutting off a last line a crash left without its line break.
    /// </summary>
    /// <exception cref="InvalidDataException">The file holds other columns (another choice of models) or is not a results file.</exception>
    public static BatchResultsFile Open(string path, IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(models);
        var columns = BatchCsv.Columns(models);
        var header = Utf8.GetBytes(BatchCsv.Line(columns));
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        if (!bytes.AsSpan().StartsWith(header) && !header.AsSpan().StartsWith(bytes))
        {
            throw new InvalidDataException(OtherColumns(path, Utf8.GetString(bytes).Split('\n')[0].TrimEnd('\r'), models));
        }

        // Up to the last line break: anything after it is a row a crash cut short (or the header, if it was cut).
        var whole = bytes.AsSpan().LastIndexOf((byte)'\n') + 1;
        if (whole < header.Length)
        {
            File.WriteAllBytes(path, header);
            return new BatchResultsFile(path, models, new(StringComparer.Ordinal), 0);
        }

        var torn = whole < bytes.Length ? 1 : 0;
        if (torn > 0)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            file.SetLength(whole);
        }

        var (rows, ignored) = ReadRows(Utf8.GetString(bytes, header.Length, whole - header.Length), columns.Count);
        var done = new Dictionary<string, DoneRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            done[row.Key.Name] = row;
        }

        return new BatchResultsFile(path, models, done, ignored + torn);
    }

    /// <summary>Whether a row for this version of <paramref name="source"/> (same length and write time) is in the file.</summary>
    public bool IsDone(RecordSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (gate)
        {
            return done.TryGetValue(source.Name, out var row) && row.Key == RowKey.Of(source);
        }
    }

    /// <summary>Whether the row of <paramref name="source"/> in the file has an error; false when there is none.</summary>
    public bool HasError(RecordSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (gate)
        {
            return done.TryGetValue(source.Name, out var row) && row.HasError;
        }
    }

    /// <summary>Appends <paramref name="row"/> in one write and flushes it to the operating system.</summary>
    public void Append(BatchRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Error is null && !row.Models.Select(m => m.Model).SequenceEqual(models, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The row of {row.File} has the outcomes of other models than the file's columns.", nameof(row));
        }

        var bytes = Utf8.GetBytes(BatchCsv.Line(row, models));
        lock (gate)
        {
            stream.Write(bytes);
            stream.Flush();
            done[row.File] = new DoneRow(new RowKey(row.File, row.FileBytes, row.FileModifiedUtc), row.Error is not null);
        }
    }

    /// <summary>
    /// Rewrites the file with one row per record (its newest), ordered by name (ordinal), dropping lines that are not
    /// rows: written beside it and renamed over it, so the file is whole at every moment.
    /// </summary>
    public void Compact()
    {
        lock (gate)
        {
            stream.Dispose();
            var text = File.ReadAllText(Path, Utf8);
            var header = BatchCsv.Line(columns);
            var newest = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in Lines(text[header.Length..]))
            {
                if (Row(line, columns.Count) is { } row)
                {
                    newest[row.Key.Name] = line;
                }
            }

            var temporary = Path + ".tmp";
            using (var writer = new StreamWriter(temporary, append: false, Utf8))
            {
                writer.Write(header);
                foreach (var line in newest.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value))
                {
                    writer.Write(line);
                    writer.Write(BatchCsv.NewLine);
                }
            }

            File.Move(temporary, Path, overwrite: true);
            stream = OpenForAppend(Path);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            stream.Dispose();
        }
    }

    private static (List<DoneRow> Rows, int Ignored) ReadRows(string body, int columnCount)
    {
        var rows = new List<DoneRow>();
        var ignored = 0;
        foreach (var line in Lines(body))
        {
            if (Row(line, columnCount) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                ignored++;
            }
        }

        return (rows, ignored);
    }

    /// <summary>The lines of <paramref name="body"/>, each without its line break; blank ones left out.</summary>
    private static IEnumerable<string> Lines(string body) =>
        body.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0);

    /// <summary>What a line says about its record, or null when it is not a whole row of <paramref name="columnCount"/> fields.</summary>
    private static DoneRow? Row(string line, int columnCount) =>
        BatchCsv.Fields(line) is { } fields && fields.Count == columnCount
            && fields[BatchCsv.FileColumn].Length > 0
            && long.TryParse(fields[BatchCsv.BytesColumn], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes)
            && BatchCsv.ParseTime(fields[BatchCsv.ModifiedColumn]) is { } modified
            ? new DoneRow(new RowKey(fields[BatchCsv.FileColumn], bytes, modified), fields[BatchCsv.ErrorColumn(columnCount)].Length > 0)
            : null;

    private static FileStream OpenForAppend(string path) => new(path, FileMode.Append, FileAccess.Write, FileShare.Read);

    /// <summary>Why a file whose first line is <paramref name="header"/> cannot take rows for <paramref name="models"/>.</summary>
    private static string OtherColumns(string path, string header, IReadOnlyList<string> models)
    {
        static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "no model" : string.Join(", ", names);
        return BatchCsv.Fields(header) is { } columns && BatchCsv.ModelsOf(columns) is { } found
            ? $"{path} holds the verdicts of {Names(found)}, this run asks for {Names(models)}: ask for the same models, or write to another file."
            : $"{path} is not a batch results file (its first line is not the header this command writes); give another file.";
    }

    /// <summary>Which version of which record a row is of.</summary>
    private readonly record struct RowKey(string Name, long Bytes, DateTime ModifiedUtc)
    {
        public static RowKey Of(RecordSource source) => new(source.Name, source.Bytes, DateTime.SpecifyKind(source.LastWriteUtc, DateTimeKind.Utc));
    }

    private sealed record DoneRow(RowKey Key, bool HasError);
}
