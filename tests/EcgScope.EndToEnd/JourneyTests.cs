using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcgScope.EndToEnd;

/// <summary>A person's whole visit: disclaimer, their Apple Watch export, the result, the downloads, a demo, the history.</summary>
public sealed partial class JourneyTests(Browser browser)
{
    [Fact]
    public async Task From_the_disclaimer_to_the_pdf_report_a_demo_and_the_history()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        await Screenshots.SaveAsync(page, "start");

        // A genuine Apple Watch export through the file picker.
        var csv = Files.AppleCsv;
        await page.Locator("#file").SetInputFilesAsync(csv);
        await page.Locator("#deviceType").SelectOptionAsync("appleWatch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse", Exact = true }).ClickAsync();
        var uploadId = await Pages.WaitForResultAsync(page);
        Assert.Equal(Path.GetFileName(csv), await page.Locator("h1").InnerTextAsync());
        var heartRate = HeartRate().Match(await page.Locator("#heart-rate").InnerTextAsync());
        Assert.True(heartRate.Success, "The result page shows no heart rate.");
        Assert.True(await Pages.LoadedImageWidthAsync(page.Locator("#trace-image")) > 0, "The trace image did not load.");
        await Screenshots.SaveAsync(page, "result");

        // The PDF report says what the page said, and that EcgScope does not diagnose.
        var pdf = await Pages.DownloadAsync(page, page.Locator("#report-link"));
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(pdf, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var text = Whitespace().Replace(await PdfText.ReadAsync(pdf), " ");
        // The report's heart rate table gives mean and median; the page shows the median.
        var expected = new[] { Regex.Escape(Path.GetFileName(csv)), $@"Heart rate \(bpm\).*\bmedian {heartRate.Groups["bpm"].Value}\b", "does not diagnose" };
        foreach (var pattern in expected)
        {
            Assert.True(Regex.IsMatch(text, pattern), $"The PDF report's text does not match '{pattern}':\n{text}");
        }

        // The log tells what was read.
        var log = await File.ReadAllTextAsync(await Pages.DownloadAsync(page, page.Locator("#log-link")), TestContext.Current.CancellationToken);
        Assert.Contains(Path.GetFileName(csv), log, StringComparison.Ordinal);

        // A demo recording: atrial fibrillation.
        await page.GotoAsync("/");
        await page.Locator("#Demo_Rhythm").SelectOptionAsync("AtrialFibrillation");
        await page.Locator("#demo-form").GetByRole(AriaRole.Button).ClickAsync();
        var demoId = await Pages.WaitForResultAsync(page);
        Assert.StartsWith("demo-atrialfibrillation-", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // The history lists both; deleting the demo leaves the upload.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        // Wait for what the page shows, not for a load event a fast navigation can pass before the wait begins.
        await Expect(Pages.HistoryRow(page, uploadId)).ToHaveCountAsync(1);
        await Expect(Pages.HistoryRow(page, demoId)).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "history");
        await Pages.HistoryRow(page, demoId).GetByRole(AriaRole.Button, new() { NameRegex = DeleteButton() }).ClickAsync();
        await Expect(Pages.HistoryRow(page, demoId)).ToHaveCountAsync(0);
        await Expect(Pages.HistoryRow(page, uploadId)).ToHaveCountAsync(1);
        Assert.EndsWith("/history", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        session.AssertNoProblems();
    }

    [GeneratedRegex(@"Heart rate (?<bpm>\d+) bpm")]
    private static partial Regex HeartRate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^Delete ")]
    private static partial Regex DeleteButton();
}
