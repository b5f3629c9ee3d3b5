using System.Text.RegularExpressions;

namespace EcgScope.Formats.Csv;

/// <summary>What a header cell says about its column: a lead (with an optional unit), a time axis or a sample index.</summary>
internal enum CsvColumnRole
{
    /// <summary>An ECG lead.</summary>
    Lead,
    /// <summary>Time of each row, in seconds, or in the unit the name gives ("time (ms)", "timestamp_ms", "msec").</summary>
    Time,
    /// <summary>Row number: says nothing about the rate.</summary>
    SampleIndex,
}

/// <summary>A parsed header cell, such as "MLII (mV)", "V1 [uV]", "time (s)" or "sample #".</summary>
internal sealed partial record CsvColumnName(string Name, string? Unit, CsvColumnRole Role)
{
    private static readonly HashSet<string> TimeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "t", "seconds", "sec", "timestamp", "elapsed time", "elapsed",
    };

    // Names that are a time unit on their own: the column is time in that unit.
    private static readonly HashSet<string> TimeUnitNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "ms", "msec", "millis", "milliseconds",
    };

    private static readonly HashSet<string> IndexNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "sample", "sample #", "sample number", "samples", "index", "#",
    };

    /// <summary>Parses a header cell.</summary>
    public static CsvColumnName Parse(string cell)
    {
        var match = UnitSuffix().Match(cell);
        var name = match.Success ? match.Groups["name"].Value.Trim() : cell.Trim();
        var unit = match.Success ? match.Groups["unit"].Value.Trim() : null;
        if (TimeUnitNames.Contains(name))
        {
            return new CsvColumnName(name, unit ?? name, CsvColumnRole.Time);
        }

        // "timestamp_ms", "time-s", "elapsed msec": a time name with its unit joined on.
        var joined = JoinedTimeUnit().Match(name);
        if (joined.Success && TimeNames.Contains(joined.Groups["name"].Value))
        {
            return new CsvColumnName(name, unit ?? joined.Groups["unit"].Value, CsvColumnRole.Time);
        }

        var role = TimeNames.Contains(name) ? CsvColumnRole.Time
            : IndexNames.Contains(name) ? CsvColumnRole.SampleIndex
            : CsvColumnRole.Lead;
        return new CsvColumnName(name, unit, role);
    }

    /// <summary>Whether <paramref name="unit"/> is a time unit, and how many seconds one of it is.</summary>
    public static bool TryGetSecondsPerUnit(string? unit, out double seconds)
    {
        seconds = unit?.Trim().ToUpperInvariant() switch
        {
            null or "" or "S" or "SEC" or "SECS" or "SECONDS" => 1.0,
            "MS" or "MSEC" or "MILLIS" or "MILLISECONDS" => 1e-3,
            _ => double.NaN,
        };
        return !double.IsNaN(seconds);
    }

    [GeneratedRegex(@"^(?<name>.+?)[\s_\-.]+(?<unit>s|secs?|seconds|ms|msec|millis|milliseconds)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex JoinedTimeUnit();

    [GeneratedRegex(@"^(?<name>.*?)\s*[\(\[](?<unit>[^\)\]]*)[\)\]]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitSuffix();
}
