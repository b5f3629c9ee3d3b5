using System.Globalization;
using EcgScope.Bulk.Batch;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope batch</c> prints: the counts, the rate, and the files that are not ECG records.</summary>
/// <param name="Input">The folder the records' names are relative to.</param>
/// <param name="Results">The results CSV.</param>
/// <param name="Models">The models whose verdicts are in it.</param>
/// <param name="Records">Records in the input.</param>
/// <param name="Analysed">Records analysed in this run.</param>
/// <param name="AlreadyDone">Records whose row was already in the file.</param>
/// <param name="Failed">Records whose row holds an error (this run or before).</param>
/// <param name="Cancelled">Whether the run was stopped before the end (a rerun resumes it).</param>
/// <param name="ElapsedSeconds">How long the run took, s.</param>
/// <param name="RecordsPerSecond">Records analysed per second in this run.</param>
/// <param name="Parallelism">Records analysed at once.</param>
/// <param name="IgnoredLines">Lines of the file that were not whole rows (a crash cut one short), dropped.</param>
/// <param name="UnsupportedFiles">Files that are not ECG records, with the readers' verdict.</param>
internal sealed record BatchReport(
    string Input,
    string Results,
    IReadOnlyList<string> Models,
    int Records,
    int Analysed,
    int AlreadyDone,
    int Failed,
    bool Cancelled,
    double ElapsedSeconds,
    double RecordsPerSecond,
    int Parallelism,
    int IgnoredLines,
    IReadOnlyList<UnsupportedFile> UnsupportedFiles) : ITextReport
{
    /// <summary>Unsupported files the text names; JSON has them all.</summary>
    private const int UnsupportedShown = 5;

    /// <summary>The report of <paramref name="summary"/>, a run over <paramref name="input"/> with <paramref name="models"/>.</summary>
    public static BatchReport From(string input, IReadOnlyList<string> models, BatchSummary summary) => new(
        input,
        summary.ResultsPath,
        models,
        summary.Records,
        summary.Analysed,
        summary.AlreadyDone,
        summary.Failed,
        summary.Cancelled,
        summary.Elapsed.TotalSeconds,
        summary.RecordsPerSecond,
        summary.Parallelism,
        summary.IgnoredLines,
        summary.Unsupported);

    /// <inheritdoc />
    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine($"{Results} ({Records} records of {Input}; models: {(Models.Count == 0 ? "none" : string.Join(", ", Models))})");
        writer.WriteLine(string.Create(text, $"  analysed {Analysed} in {ElapsedSeconds:0.#} s ({RecordsPerSecond:0.##} records/s, {Parallelism} at once), {AlreadyDone} done before, {Failed} with an error (see the error column)"));
        if (Cancelled)
        {
            writer.WriteLine($"  stopped before the end: {Records - Analysed - AlreadyDone} records left; run the same command again to resume");
        }

        if (IgnoredLines > 0)
        {
            writer.WriteLine($"  {IgnoredLines} line(s) of the file were not whole rows (cut short by a crash) and were dropped");
        }

        if (UnsupportedFiles.Count > 0)
        {
            var names = string.Join(", ", UnsupportedFiles.Take(UnsupportedShown).Select(file => file.Name));
            var more = UnsupportedFiles.Count > UnsupportedShown ? $" and {UnsupportedFiles.Count - UnsupportedShown} more" : "";
            writer.WriteLine($"  {UnsupportedFiles.Count} file(s) are not ECG records and were left out: {names}{more}");
        }
    }
}
