using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Footer;
using EcgScope.Signal;
using EcgScope.Signal.Analysis;

namespace EcgScope.Imaging.Evaluation;

/// <summary>One printout's printed heart rate against the heart rate of its digitized rhythm strip.</summary>
/// <param name="Page">The image's path relative to the evaluated folder.</param>
/// <param name="Printed">What <see cref="PrintedHeartRateReader"/> read in the footer.</param>
/// <param name="StripBpm">The mean heart rate of the digitized rhythm strip, in beats per minute; NaN when the page was not digitized or no rate could be measured.</param>
/// <param name="DigitizerError">Why the image could not be decoded or digitized, if so.</param>
public sealed record PrintedRateComparison(string Page, PrintedHeartRate Printed, double StripBpm, string? DigitizerError)
{
    /// <summary>The strip's rate minus the printed rate, in beats per minute; null when either is missing.</summary>
    public double? ErrorBpm => Printed.Bpm is { } printed && double.IsFinite(StripBpm) ? StripBpm - printed : null;
}

/// <summary>How the digitized rhythm strips' heart rates agree with the rates the machine printed.</summary>
/// <param name="Pages">Images looked at.</param>
/// <param name="FootersRead">Pages whose printed rate was read.</param>
/// <param name="Compared">Pages with both a printed rate and a strip rate.</param>
/// <param name="WithinTolerance">Compared pages whose strip rate is within <see cref="PrintedRateEvaluation.ToleranceBpm"/> of the printed one.</param>
/// <param name="MeanAbsoluteErrorBpm">Mean |strip − printed| over the compared pages, in beats per minute; NaN when none.</param>
/// <param name="MedianAbsoluteErrorBpm">Median |strip − printed|, in beats per minute; NaN when none.</param>
/// <param name="MeanErrorBpm">Mean strip − printed (positive: the strip reads faster), in beats per minute; NaN when none.</param>
/// <param name="LargestErrors">The compared pages with the largest absolute errors, largest first.</param>
/// <param name="NotCompared">The pages without a printed rate or without a strip rate, and why.</param>
public sealed record PrintedRateSummary(
    int Pages,
    int FootersRead,
    int Compared,
    int WithinTolerance,
    double MeanAbsoluteErrorBpm,
    double MedianAbsoluteErrorBpm,
    double MeanErrorBpm,
    ImmutableArray<PrintedRateComparison> LargestErrors,
    ImmutableArray<PrintedRateComparison> NotCompared);

/// <summary>
/// Checks the digitizer on genuine printouts without their signals: the heart rate the ECG machine printed in the
/// footer (read by <see cref="PrintedHeartRateReader"/>) against the mean heart rate of the digitized rhythm strip,
/// measured as <c>analyze</c> measures it.
/// </summary>
public static class PrintedRateEvaluation
{
    /// <summary>The agreement counted in <see cref="PrintedRateSummary.WithinTolerance"/>, in beats per minute.</summary>
    public const double ToleranceBpm = 5;

    /// <summary>The PNG and JPEG images under <paramref name="folder"/> (recursively), as paths relative to it, in ordinal order.</summary>
    public static IReadOnlyList<string> FindPages(string folder) =>
    [
        .. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path).ToUpperInvariant() is ".PNG" or ".JPG" or ".JPEG")
            .Select(path => Path.GetRelativePath(folder, path))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Reads the footer of <paramref name="page"/> (relative to <paramref name="folder"/>), digitizes the page and measures its rhythm strip.</summary>
    public static PrintedRateComparison Compare(string folder, string page, CancellationToken cancellationToken = default)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, page));
        OpenCvSharp.Mat image;
        try
        {
            image = PrintoutDigitizer.Decode(bytes, page);
        }
        catch (EcgFormatException error)
        {
            return new PrintedRateComparison(page, PrintedHeartRate.Unread("the image could not be decoded"), double.NaN, error.Reason);
        }

        using (image)
        {
            var printed = PrintedHeartRateReader.Read(image);
            try
            {
                return new PrintedRateComparison(page, printed, StripRate(PrintoutDigitizer.Digitize(image, page, cancellationToken: cancellationToken)), null);
            }
            catch (EcgFormatException error)
            {
                return new PrintedRateComparison(page, printed, double.NaN, error.Reason);
            }
        }
    }

    /// <summary>
    /// The mean heart rate of the lead printed throughout the page (the rhythm strip: the lead with the most digitized
    /// samples), as <c>analyze</c> measures it, in beats per minute; NaN when no rate could be measured.
    /// </summary>
    public static double StripRate(DigitizedPrintout printout)
    {
        ArgumentNullException.ThrowIfNull(printout);
        var strip = printout.Record.Leads.MaxBy(lead => lead.SamplesMillivolts.Count(double.IsFinite))!;
        var analysis = EcgAnalysis.Analyze(new EcgRecord([strip], printout.Record.SamplingRate));
        return analysis.Leads[0].HeartRate?.MeanBpm ?? double.NaN;
    }

    /// <summary>
    /// Compares <paramref name="pages"/> (relative to <paramref name="folder"/>, as <see cref="FindPages"/> lists them)
    /// and summarises, keeping the <paramref name="largest"/> largest errors.
    /// </summary>
    public static PrintedRateSummary Run(
        string folder, IReadOnlyList<string> pages, int largest = 10, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var comparisons = new List<PrintedRateComparison>(pages.Count);
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            comparisons.Add(Compare(folder, page, cancellationToken));
            progress?.Report(new WorkProgress(comparisons.Count, pages.Count, page));
        }

        return Summarize(comparisons, largest);
    }

    /// <summary>The figures over <paramref name="comparisons"/>, keeping the <paramref name="largest"/> largest errors.</summary>
    public static PrintedRateSummary Summarize(IReadOnlyList<PrintedRateComparison> comparisons, int largest = 10)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var compared = comparisons.Where(comparison => comparison.ErrorBpm is not null).ToList();
        var errors = compared.Select(comparison => comparison.ErrorBpm!.Value).ToList();
        var absolute = errors.Select(Math.Abs).ToArray();
        return new PrintedRateSummary(
            comparisons.Count,
            comparisons.Count(comparison => comparison.Printed.Bpm is not null),
            compared.Count,
            absolute.Count(error => error <= ToleranceBpm),
            absolute.Length == 0 ? double.NaN : absolute.Average(),
            Statistics.Median(absolute),
            errors.Count == 0 ? double.NaN : errors.Average(),
            [.. compared.OrderByDescending(comparison => Math.Abs(comparison.ErrorBpm!.Value)).Take(largest)],
            [.. comparisons.Where(comparison => comparison.ErrorBpm is null)]);
    }
}
