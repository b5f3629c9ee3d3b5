using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.ML.Datasets;

/// <summary>
/// The "ECG Images dataset of Cardiac Patients" (A. H. Khan, M. Hussain, Mendeley Data V2, doi:10.17632/gwbz3fsgp8.2,
/// CC BY 4.0) as unpacked here: each of the 491 distinct printouts once under <c>CLASS/NAME.jpg</c>, and
/// <c>manifest.csv</c> mapping the 928 released files (many byte-identical copies) to them. A record's name is its
/// path relative to the folder (<c>normal/Normal(1).jpg</c>).
/// </summary>
public static class CardiacPrintouts
{
    /// <summary>The class folders in index order.</summary>
    public static ImmutableArray<string> ClassNames { get; } = ["normal", "abnormal-heartbeat", "myocardial-infarction", "history-of-mi"];

    /// <summary>Each class in plain words that do not diagnose, in index order.</summary>
    public static ImmutableArray<string> ClassDescriptions { get; } =
    [
        "a printout like those labelled normal in the dataset",
        "a printout like those labelled as abnormal heartbeats",
        "a printout like those labelled as a myocardial infarction",
        "a printout like those of patients with a history of myocardial infarction",
    ];

    /// <summary>The distinct printouts, by class in <see cref="ClassNames"/> order, then by name (ordinal).</summary>
    public static IReadOnlyList<LabelledRecord> Distinct(string directory)
    {
        var records = new List<LabelledRecord>();
        for (var label = 0; label < ClassNames.Length; label++)
        {
            var folder = Path.Combine(directory, ClassNames[label]);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No folder {folder}: is {directory} the cardiac-patients dataset (four class folders and manifest.csv)?");
            }

            records.AddRange(Directory.EnumerateFiles(folder, "*.jpg")
                .Order(StringComparer.Ordinal)
                .Select(path => new LabelledRecord(ClassNames[label] + "/" + Path.GetFileName(path), path, label)));
        }

        return records;
    }

    /// <summary>
    /// The released files of <c>manifest.csv</c>, each as the index (into <paramref name="distinct"/>) of the distinct
    /// printout it is a copy of, in the manifest's order.
    /// </summary>
    /// <exception cref="EcgFormatException">A line is malformed or names a distinct file that is not there.</exception>
    public static int[] ReleasedFiles(string directory, IReadOnlyList<LabelledRecord> distinct)
    {
        ArgumentNullException.ThrowIfNull(distinct);
        var manifest = Path.Combine(directory, "manifest.csv");
        var index = distinct.Select((record, i) => (record.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var files = new List<int>();
        var lineNumber = 1;
        foreach (var line in File.ReadLines(manifest).Skip(1))
        {
            lineNumber++;
            var fields = line.Split(',');
            if (fields.Length != 4 || !index.TryGetValue(fields[2], out var copyOf) || ClassNames.IndexOf(fields[1]) != distinct[copyOf].Label)
            {
                throw new EcgFormatException(manifest, $"expected 'original_file,class,distinct_file,sha256' naming one of the distinct files with its class, found '{line}'", lineNumber);
            }

            files.Add(copyOf);
        }

        return [.. files];
    }
}
