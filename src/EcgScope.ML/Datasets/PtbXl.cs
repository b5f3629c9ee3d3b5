using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using EcgScope.Core;
using EcgScope.Formats.Csv;

namespace EcgScope.ML.Datasets;

/// <summary>One PTB-XL record: its labels (superclass targets) and the dataset's own stratified fold (1-10).</summary>
public sealed record PtbXlRecord(LabelledRecord Record, int Fold);

/// <summary>
/// PTB-XL (Wagner et al. 2020): 12-lead, 10 s records with SCP-ECG statements, read at 100 Hz (<c>filename_lr</c>).
/// The diagnostic superclasses of a record are those of its diagnostic statements (<c>scp_statements.csv</c>,
/// <c>diagnostic_class</c>), whatever their likelihood, as the PTB-XL benchmark (Strodthoff et al. 2021) aggregates
/// them; records without any are left out. The dataset's folds: 1-8 train, 9 validation, 10 test.
/// </summary>
public static partial class PtbXl
{
    /// <summary>The superclasses in output order.</summary>
    public static ImmutableArray<string> Superclasses { get; } = ["NORM", "MI", "STTC", "CD", "HYP"];

    /// <summary>The twelve leads in PTB-XL's order.</summary>
    public static ImmutableArray<string> Leads { get; } = ["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>The validation fold.</summary>
    public const int ValidationFold = 9;

    /// <summary>The test fold.</summary>
    public const int TestFold = 10;

    /// <summary>The labelled records under <paramref name="directory"/> (the folder holding <c>ptbxl_database.csv</c>), in ecg_id order.</summary>
    public static IReadOnlyList<PtbXlRecord> Load(string directory)
    {
        var statements = Path.Combine(directory, "scp_statements.csv");
        var classOf = ReadRows(statements).Where(row => row.Get("diagnostic") is "1.0" or "1")
            .ToDictionary(row => row.Get(""), row => row.Get("diagnostic_class"), StringComparer.Ordinal);
        var records = new List<PtbXlRecord>();
        foreach (var row in ReadRows(Path.Combine(directory, "ptbxl_database.csv")))
        {
            var codes = StatementCode().Matches(row.Get("scp_codes")).Select(match => match.Groups[1].Value);
            var classes = codes.Where(classOf.ContainsKey).Select(code => classOf[code]).ToHashSet(StringComparer.Ordinal);
            if (classes.Count == 0)
            {
                continue;
            }

            var fold = int.Parse(row.Get("strat_fold"), CultureInfo.InvariantCulture);
            var file = row.Get("filename_lr");
            var record = new LabelledRecord(Path.GetFileName(file), Path.Combine(directory, file + ".hea"), -1)
            {
                Targets = [.. Superclasses.Select(classes.Contains)],
            };
            records.Add(new PtbXlRecord(record, fold));
        }

        return records;
    }

    private static IEnumerable<CsvRow> ReadRows(string path)
    {
        var fields = new List<Range>();
        string[]? header = null;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!CsvFields.TrySplit(line, ',', fields))
            {
                throw new EcgFormatException(path, "a quoted field is not closed", lineNumber);
            }

            var values = fields.Select(field => CsvFields.Text(line, field)).ToArray();
            if (header is null)
            {
                header = values;
                continue;
            }

            yield return new CsvRow(path, lineNumber, header, values);
        }
    }

    /// <summary>A statement code in the <c>scp_codes</c> dictionary, e.g. <c>'NORM': 100.0</c>.</summary>
    [GeneratedRegex(@"'([^']+)'\s*:")]
    private static partial Regex StatementCode();

    private sealed record CsvRow(string Path, int Line, string[] Header, string[] Values)
    {
        public string Get(string column)
        {
            var index = Array.IndexOf(Header, column);
            return index >= 0 && index < Values.Length
                ? Values[index]
                : throw new EcgFormatException(Path, $"no column '{column}' in this row", Line);
        }
    }
}
