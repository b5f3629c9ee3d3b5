using System.Globalization;
using EcgScope.Bulk.Labelling;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope label status</c> prints.</summary>
internal sealed record LabelStatusReport(
    string Folder, string Labels, int Items, int Labelled, int Skipped, int Remaining, int DistinctContents, IReadOnlyDictionary<string, int> PerClass) : ITextReport
{
    public static LabelStatusReport From(string folder, string labels, LabelProgress progress) => new(
        folder, labels, progress.Total, progress.Labelled, progress.Skipped, progress.Remaining, progress.DistinctContents, progress.PerClass);

    public void WriteText(TextWriter writer)
    {
        writer.WriteLine($"{Folder} (labels {Labels})");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Items} items: {Labelled} labelled ({DistinctContents} distinct contents), {Skipped} skipped, {Remaining} left"));
        foreach (var (name, count) in PerClass)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {count}"));
        }
    }
}

/// <summary>What <c>ecgscope label export</c> prints.</summary>
internal sealed record LabelExportReport(string Folder, int Exported, int Skipped, IReadOnlyList<ClassExport> Classes, IReadOnlyList<string> Missing) : ITextReport
{
    public static LabelExportReport From(LabelExportSummary summary) =>
        new(summary.Folder, summary.Exported, summary.Skipped, summary.Classes, summary.Missing);

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"{Folder}: {Exported} items exported, {Skipped} skipped while labelling (not exported)"));
        writer.WriteLine("  class                     train (distinct)  test (distinct)");
        foreach (var row in Classes)
        {
            writer.WriteLine(string.Create(text, $"  {row.Class,-24} {row.Train,6} ({row.TrainGroups,5})  {row.Test,6} ({row.TestGroups,5})"));
        }

        foreach (var item in Missing)
        {
            writer.WriteLine($"  missing (labelled, no longer in the folder): {item}");
        }
    }
}
