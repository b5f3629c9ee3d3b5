using EcgScope.Core;
using EcgScope.Formats.Csv;

namespace EcgScope.Formats.Withings;

/// <summary>
/// Where each column of a Withings <c>signal.csv</c> is, found by name in the header line
/// <c>date,type,frequency,duration,wearposition,signal,doctor_assessment,doctor_name,checkup_date</c> (any order, any
/// case). <c>date</c>, <c>frequency</c>, <c>duration</c> and <c>signal</c> are required; the others may be absent.
/// </summary>
internal sealed class WithingsEcgColumns
{
    private static readonly string[] Names =
        ["date", "type", "frequency", "duration", "wearposition", "signal", "doctor_assessment", "doctor_name", "checkup_date"];

    private static readonly string[] Required = ["date", "frequency", "duration", "signal"];

    // Besides "signal", a header must name this many of the other columns to be taken for a Withings export.
    private const int OtherNamesToRecognise = 4;

    private readonly Dictionary<string, int> indexes;

    private WithingsEcgColumns(Dictionary<string, int> indexes, int count, string? repeatedName)
    {
        this.indexes = indexes;
        Count = count;
        RepeatedName = repeatedName;
    }

    /// <summary>The number of fields in the header, which every row must have.</summary>
    public int Count { get; }

    /// <summary>The index of a column; -1 when the header does not name it.</summary>
    public int this[string name] => indexes.GetValueOrDefault(name, -1);

    /// <summary>Whether <paramref name="line"/> (a file's first line) is a Withings ECG header: a "signal" column and four other Withings names.</summary>
    public static bool IsHeader(ReadOnlySpan<char> line) =>
        TryRead(line) is { } columns && columns["signal"] >= 0 && columns.indexes.Count - 1 >= OtherNamesToRecognise;

    /// <summary>Reads the header line; every required column must be there.</summary>
    /// <exception cref="EcgFormatException">A required column is missing, a name repeats, or a quote is not closed.</exception>
    public static WithingsEcgColumns Parse(ReadOnlySpan<char> line, string source, int lineNumber)
    {
        var columns = TryRead(line) ?? throw new EcgFormatException(source, "the header line has a quote that is not closed.", line: lineNumber);
        if (columns.RepeatedName is { } repeated)
        {
            throw new EcgFormatException(source, $"the header names the column '{repeated}' twice.", line: lineNumber);
        }

        foreach (var name in Required)
        {
            if (columns[name] < 0)
            {
                throw new EcgFormatException(source,
                    $"the header has no '{name}' column (a Withings signal.csv starts with {string.Join(',', Names)}).", line: lineNumber);
            }
        }

        return columns;
    }

    // The first Withings column name that appears twice, or null.
    private string? RepeatedName { get; }

    private static WithingsEcgColumns? TryRead(ReadOnlySpan<char> line)
    {
        var fields = new List<Range>();
        if (!CsvFields.TrySplit(line, ',', fields))
        {
            return null;
        }

        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? repeated = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = CsvFields.Text(line, fields[i]).ToLowerInvariant();
            if (Array.IndexOf(Names, name) >= 0 && !indexes.TryAdd(name, i))
            {
                repeated ??= name;
            }
        }

        return new WithingsEcgColumns(indexes, fields.Count, repeated);
    }
}
