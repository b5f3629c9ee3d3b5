using EcgScope.Bulk.Batch;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Testing;

namespace EcgScope.Cluster.Tests;

/// <summary>Real records to run batches on, and the rows a results file holds.</summary>
internal static class BatchFiles
{
    /// <summary>The first <paramref name="count"/> CinC 2017 records (.hea and .mat), copied into a fresh folder.</summary>
    public static string CopyCincRecords(int count)
    {
        var folder = TestData.TempFolder();
        var headers = Directory.EnumerateFiles(TestData.Require("cinc2017"), "*.hea", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count);
        foreach (var header in headers)
        {
            File.Copy(header, Path.Combine(folder, Path.GetFileName(header)));
            File.Copy(Path.ChangeExtension(header, ".mat"), Path.Combine(folder, Path.GetFileNameWithoutExtension(header) + ".mat"));
        }

        return folder;
    }

    /// <summary>The rows the local analyser writes for the records of <paramref name="input"/>, in order, without their times.</summary>
    public static List<string> LocalRows(BatchInput input, IReadOnlyList<string> models)
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var analyzer = new RecordAnalyzer(EcgFile.BuiltIn, registry, models.Select(registry.Card));
        var path = Path.Combine(TestData.TempFolder(), "local.csv");
        using (var results = BatchResultsFile.Open(path, models))
        {
            foreach (var record in input.Records)
            {
                results.Append(analyzer.Analyze(record));
            }
        }

        return [.. ReadRows(path).Select(WithoutTime)];
    }

    /// <summary>The data rows of a results file, as fields.</summary>
    public static List<IReadOnlyList<string>> ReadRows(string path) => [.. File.ReadAllLines(path).Skip(1).Select(Fields)];

    /// <summary>A row without its elapsed-time field (the last but one), the one field two runs of a record differ in.</summary>
    public static string WithoutTime(IReadOnlyList<string> fields) => string.Join('|', fields.Where((_, i) => i != fields.Count - 2));

    private static IReadOnlyList<string> Fields(string line) => BatchCsv.Fields(line.TrimEnd('\r', '\n'))!;
}
