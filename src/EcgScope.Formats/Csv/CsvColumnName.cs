using System.Text.RegularExpressions;

namespace EcgScope.Formats.Csv;

/// <summary>What a header cell says about its column: a lead (with an optional unit), a time axis or a sample index.</summary>
internal enum CsvColumnRole
{
    /// <summary>An ECG lead.</summary>
    Lead,
    /// <summary>Time of each row, in seconds (or milliseconds with a "(ms)" suffix).</summary>
    Time,
    /// <summary>Row number: says nothing about the rate.</summary>
    SampleIndex,
}

/// <summary>A parsed header cell, such as "MLII (mV)", "V1 [uV]", "time (s)" or "sample #".</summary>
internal sealed partial record CsvColumnName(string Name, string? Unit, CsvColumnRole Role)
{
    private static readonly HashSet<string> TimeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "t", "seconds", "sec", "timestamp", "elapsed time", "time_s", "time_ms",
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
        if (name.Equals("time_ms", StringComparison.OrdinalIgnoreCase))
        {
            unit ??= "ms";
        }

        var role = TimeNames.Contains(name) ? CsvColumnRole.Time
            : IndexNames.Contains(name) ? CsvColumnRole.SampleIndex
            : CsvColumnRole.Lead;
        return new CsvColumnName(name, unit, role);
    }

    [GeneratedRegex(@"^(?<name>.*?)\s*[\(\[](?<unit>[^\)\]]*)[\)\]]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitSuffix();
}
