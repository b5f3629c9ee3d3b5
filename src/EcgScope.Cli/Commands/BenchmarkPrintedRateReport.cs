using System.Globalization;
using EcgScope.Imaging.Evaluation;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope benchmark printed-rate</c> prints: the agreement, the largest errors and the pages not compared.</summary>
internal sealed record BenchmarkPrintedRateReport(
    string Data,
    int Pages,
    int FootersRead,
    int Compared,
    double ToleranceBpm,
    int WithinTolerance,
    double MeanAbsoluteErrorBpm,
    double MedianAbsoluteErrorBpm,
    double MeanErrorBpm,
    IReadOnlyList<PrintedRateRow> LargestErrors,
    IReadOnlyList<PrintedRateRow> NotCompared) : ITextReport
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static BenchmarkPrintedRateReport From(string data, PrintedRateSummary summary) => new(
        data,
        summary.Pages,
        summary.FootersRead,
        summary.Compared,
        PrintedRateEvaluation.ToleranceBpm,
        summary.WithinTolerance,
        Math.Round(summary.MeanAbsoluteErrorBpm, 2),
        Math.Round(summary.MedianAbsoluteErrorBpm, 2),
        Math.Round(summary.MeanErrorBpm, 2),
        [.. summary.LargestErrors.Select(PrintedRateRow.From)],
        [.. summary.NotCompared.Select(PrintedRateRow.From)]);

    public void WriteText(TextWriter writer)
    {
        writer.WriteLine(string.Create(Text, $"heart rate printed in the footer against the digitized rhythm strip's, {Pages} printouts in {Data}"));
        writer.WriteLine(string.Create(Text, $"footers read: {FootersRead} of {Pages}; compared: {Compared}; within {ToleranceBpm:0} bpm: {WithinTolerance} ({100.0 * WithinTolerance / Math.Max(1, Compared):0.0} %)"));
        writer.WriteLine(string.Create(Text, $"absolute error: mean {MeanAbsoluteErrorBpm:0.00} bpm, median {MedianAbsoluteErrorBpm:0.00} bpm; mean strip minus printed {MeanErrorBpm:+0.00;-0.00} bpm"));
        writer.WriteLine();
        writer.WriteLine("| largest errors | printed bpm | strip bpm | error bpm |");
        writer.WriteLine("|---|---:|---:|---:|");
        foreach (var row in LargestErrors)
        {
            writer.WriteLine(string.Create(Text, $"| {row.Page} | {row.PrintedBpm} | {row.StripBpm:0.0} | {row.ErrorBpm:+0.0;-0.0} |"));
        }

        foreach (var row in NotCompared)
        {
            writer.WriteLine(string.Create(Text, $"not compared: {row.Page}: {row.Reason}"));
        }
    }
}

/// <summary>One page in <see cref="BenchmarkPrintedRateReport"/>; <see cref="Reason"/> says why it was not compared.</summary>
internal sealed record PrintedRateRow(string Page, int? PrintedBpm, double? StripBpm, double? ErrorBpm, string? Reason)
{
    public static PrintedRateRow From(PrintedRateComparison comparison) => new(
        comparison.Page,
        comparison.Printed.Bpm,
        double.IsFinite(comparison.StripBpm) ? Math.Round(comparison.StripBpm, 1) : null,
        comparison.ErrorBpm is { } error ? Math.Round(error, 1) : null,
        comparison.Printed.Reason ?? comparison.DigitizerError ?? (comparison.ErrorBpm is null ? "no heart rate measured on the rhythm strip" : null));
}
