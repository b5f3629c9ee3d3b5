using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.ML.Datasets;

/// <summary>
/// The PhysioNet/CinC Challenge 2017 training set: 8,528 single-lead AliveCor recordings at 300 Hz, 9-61 s, each
/// labelled Normal, AF, Other rhythm or Noisy in <c>REFERENCE-v3.csv</c> (the post-challenge relabelling).
/// </summary>
public static class Cinc2017
{
    /// <summary>The classes in index order, as the reference file spells them.</summary>
    public static ImmutableArray<string> ReferenceCodes { get; } = ["N", "A", "O", "~"];

    /// <summary>The classes in index order, in words.</summary>
    public static ImmutableArray<string> ClassNames { get; } = ["Normal", "AF", "Other", "Noisy"];

    /// <summary>Index of the noisy class.</summary>
    public const int Noisy = 3;

    /// <summary>
    /// The records listed in <c>REFERENCE-v3.csv</c> under <paramref name="directory"/> (or its <c>training2017</c>
    /// folder), in the file's order.
    /// </summary>
    public static IReadOnlyList<LabelledRecord> Load(string directory)
    {
        var folder = FindFolder(directory);
        var reference = Path.Combine(folder, "REFERENCE-v3.csv");
        var records = new List<LabelledRecord>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(reference))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            var label = fields.Length == 2 ? ReferenceCodes.IndexOf(fields[1].Trim()) : -1;
            if (label < 0)
            {
                throw new EcgFormatException(
                    reference, $"expected 'RECORD,CLASS' with CLASS one of {string.Join(" ", ReferenceCodes)}, found '{line}'", lineNumber);
            }

            var name = fields[0].Trim();
            records.Add(new LabelledRecord(name, Path.Combine(folder, name + ".hea"), label));
        }

        return records;
    }

    private static string FindFolder(string directory)
    {
        foreach (var candidate in new[] { directory, Path.Combine(directory, "training2017"), Path.Combine(directory, "cinc2017", "training2017") })
        {
            if (File.Exists(Path.Combine(candidate, "REFERENCE-v3.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No REFERENCE-v3.csv in {directory} or its training2017 folder: is this the CinC 2017 training set?");
    }
}
