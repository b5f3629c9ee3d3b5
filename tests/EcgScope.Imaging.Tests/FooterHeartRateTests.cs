using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Evaluation;
using EcgScope.Testing;

namespace EcgScope.Imaging.Tests;

/// <summary>
/// The heart rate of the digitized rhythm strip against the rate the ECG machine printed in the footer (the number
/// after the heart symbol): on the 12 full-resolution pages with their footers read by eye, and on all 491 distinct
/// 40 % copies with their footers read by <see cref="Footer.PrintedHeartRateReader"/> (docs/printouts.md). The digitizer
/// was tuned on these pages: in sample.
/// </summary>
public sealed class FooterHeartRateTests(FooterHeartRateTests.GenuineCopies copies, ITestOutputHelper output) : IClassFixture<FooterHeartRateTests.GenuineCopies>
{
    [Fact]
    public void The_rhythm_strip_of_the_full_resolution_pages_gives_the_printed_rate_within_5_bpm_but_for_one()
    {
        var errors = GenuineFooters.FullResolution.Select(footer => StripRate(TestData.File("images", "cardiac-patients", footer.Page)) - footer.PrintedBpm).ToList();

        foreach (var (footer, error) in GenuineFooters.FullResolution.Zip(errors))
        {
            output.WriteLine($"{footer.Page} printed {footer.PrintedBpm} bpm, strip {footer.PrintedBpm + error:0.0} bpm");
        }

        output.WriteLine($"mean absolute error {errors.Average(Math.Abs):0.00} bpm, largest {errors.Max(Math.Abs):0.0} bpm");
        // One page may miss: MI(1)'s strip (lead III) has QRS complexes smaller than its T waves, and the beat
        // detector drops one of them (docs/printouts.md); every page's strip is still traced, and the mean holds.
        Assert.InRange(errors.Count(error => Math.Abs(error) > 5), 0, 1);
        Assert.All(errors, error => Assert.InRange(error, -8, 8));
        Assert.InRange(errors.Average(Math.Abs), 0, 1.5);
    }

    [Fact]
    public void The_40_percent_copies_of_the_full_resolution_pages_give_the_printed_rate_within_5_bpm()
    {
        var comparisons = GenuineFooters.FullResolution.Select(footer => copies.All().Single(comparison => comparison.Page == Path.Combine(footer.Copy.Split('/')))).ToList();

        Assert.Equal(GenuineFooters.FullResolution.Select(footer => (int?)footer.PrintedBpm), comparisons.Select(comparison => comparison.Printed.Bpm));
        Assert.All(comparisons, comparison => Assert.InRange(comparison.ErrorBpm!.Value, -5, 5));
        Assert.InRange(comparisons.Average(comparison => Math.Abs(comparison.ErrorBpm!.Value)), 0, 2.5);
    }

    [Fact]
    public void Over_all_491_copies_the_footer_is_read_and_the_strip_mostly_agrees_with_it()
    {
        var summary = PrintedRateEvaluation.Summarize(copies.All());

        output.WriteLine($"{summary.Pages} pages, {summary.FootersRead} footers read, {summary.Compared} compared, {summary.WithinTolerance} within 5 bpm; absolute error mean {summary.MeanAbsoluteErrorBpm:0.00}, median {summary.MedianAbsoluteErrorBpm:0.00} bpm; mean error {summary.MeanErrorBpm:+0.00;-0.00} bpm");
        foreach (var comparison in summary.LargestErrors)
        {
            output.WriteLine($"{comparison.Page}: printed {comparison.Printed.Bpm}, strip {comparison.StripBpm:0.0} bpm");
        }

        foreach (var comparison in summary.NotCompared)
        {
            output.WriteLine($"not compared: {comparison.Page}: {comparison.Printed.Reason ?? comparison.DigitizerError ?? "no strip rate"}");
        }

        // Measured 2026-11-30: 490 read, 488 compared, 457 within 5 bpm, mean 3.05 and median 1.52 bpm.
        Assert.Equal(491, summary.Pages);
        Assert.InRange(summary.FootersRead, 488, 491);
        Assert.InRange(summary.Compared, 485, 491);
        Assert.InRange(summary.WithinTolerance, 450, 491);
        Assert.InRange(summary.MeanAbsoluteErrorBpm, 0, 3.5);
        Assert.InRange(summary.MedianAbsoluteErrorBpm, 0, 1.8);
    }

    private static double StripRate(string path) =>
        PrintedRateEvaluation.StripRate(PrintoutDigitizer.Digitize(File.ReadAllBytes(path), Path.GetFileName(path), cancellationToken: TestContext.Current.CancellationToken));

    /// <summary>Every distinct 40 % copy read and digitized once for the test class (about a minute).</summary>
    public sealed class GenuineCopies
    {
        private IReadOnlyList<PrintedRateComparison>? comparisons;

        /// <summary>The comparisons, one per copy; skips (fails under CI) when the dataset is missing.</summary>
        public IReadOnlyList<PrintedRateComparison> All()
        {
            var folder = TestData.Require("cardiac-patients");
            return comparisons ??= [.. PrintedRateEvaluation.FindPages(folder).Select(page => PrintedRateEvaluation.Compare(folder, page, TestContext.Current.CancellationToken))];
        }
    }
}
