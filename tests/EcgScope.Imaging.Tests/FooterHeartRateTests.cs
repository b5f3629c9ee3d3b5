using EcgScope.Core;
using EcgScope.Imaging.Digitizing;
using EcgScope.Signal.Analysis;
using EcgScope.Testing;

namespace EcgScope.Imaging.Tests;

/// <summary>
/// The heart rate of the digitized rhythm strip against the rate the ECG machine printed in the footer (the number
/// after the heart symbol). The footers were read by eye from the 12 full-resolution pages: in the 40 % copies the
/// digits are 5 to 7 pixels tall and touch, too small to read reliably by machine or by eye (docs/printouts.md).
/// </summary>
public sealed class FooterHeartRateTests(ITestOutputHelper output)
{
    /// <summary>Each full-resolution page (folder/name under images/cardiac-patients), its 40 % copy's distinct file, and its footer's rate.</summary>
    private static readonly (string Page, string Copy, int PrintedBpm)[] Footers =
    [
        ("abnormal/HB(1).jpg", "abnormal-heartbeat/HB(1).jpg", 92), ("abnormal/HB(2).jpg", "abnormal-heartbeat/HB(2).jpg", 94),
        ("abnormal/HB(3).jpg", "abnormal-heartbeat/HB(3).jpg", 89), ("mi/MI(1).jpg", "myocardial-infarction/MI(1).jpg", 81),
        ("mi/MI(10).jpg", "myocardial-infarction/MI(10).jpg", 62), ("mi/MI(101).jpg", "myocardial-infarction/MI(11).jpg", 57),
        ("normal/Normal(1).jpg", "normal/Normal(1).jpg", 77), ("normal/Normal(10).jpg", "normal/Normal(10).jpg", 88),
        ("normal/Normal(11).jpg", "normal/Normal(11).jpg", 71), ("post_mi/PMI(1).jpg", "history-of-mi/PMI(1).jpg", 66),
        ("post_mi/PMI(2).jpg", "history-of-mi/PMI(2).jpg", 81), ("post_mi/PMI(3).jpg", "history-of-mi/PMI(3).jpg", 64),
    ];

    [Fact]
    public void The_rhythm_strip_of_every_full_resolution_page_gives_the_printed_rate_within_5_bpm()
    {
        var errors = Footers.Select(footer => StripRate(TestData.File("images", "cardiac-patients", footer.Page)) - footer.PrintedBpm).ToList();

        Report("full resolution", errors);
        Assert.All(errors, error => Assert.InRange(error, -5, 5));
        Assert.InRange(errors.Average(Math.Abs), 0, 1.5);
    }

    [Fact]
    public void The_rhythm_strip_of_every_40_percent_copy_gives_the_printed_rate_within_5_bpm()
    {
        var errors = Footers.Select(footer => StripRate(TestData.File("cardiac-patients", footer.Copy)) - footer.PrintedBpm).ToList();

        Report("40 % copies", errors);
        Assert.All(errors, error => Assert.InRange(error, -5, 5));
        Assert.InRange(errors.Average(Math.Abs), 0, 2.5);
    }

    /// <summary>The mean heart rate of the lead printed throughout (the rhythm strip), as <c>analyze</c> measures it.</summary>
    private static double StripRate(string path)
    {
        var printout = PrintoutDigitizer.Digitize(File.ReadAllBytes(path), Path.GetFileName(path), cancellationToken: TestContext.Current.CancellationToken);
        var strip = printout.Record.Leads.MaxBy(lead => lead.SamplesMillivolts.Count(double.IsFinite))!;
        var analysis = EcgAnalysis.Analyze(new EcgRecord([strip], printout.Record.SamplingRate));
        return analysis.Leads[0].HeartRate?.MeanBpm ?? double.NaN;
    }

    private void Report(string set, List<double> errors)
    {
        foreach (var (footer, error) in Footers.Zip(errors))
        {
            output.WriteLine($"{set}: {footer.Page} printed {footer.PrintedBpm} bpm, strip {footer.PrintedBpm + error:0.0} bpm");
        }

        output.WriteLine($"{set}: mean absolute error {errors.Average(Math.Abs):0.00} bpm, largest {errors.Max(Math.Abs):0.0} bpm");
    }
}
