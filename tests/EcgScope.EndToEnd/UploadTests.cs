using System.Text;
using Microsoft.Playwright;

namespace EcgScope.EndToEnd;

/// <summary>The upload box: files dropped on it, and files the readers refuse.</summary>
public sealed class UploadTests(Browser browser)
{
    // What a browser does when a file is dragged from the desktop onto the box: dragenter, dragover, drop, each
    // carrying a DataTransfer with the file.
    private const string DropFile = """
        ([name, base64]) => {
          const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name, { type: "text/csv" }));
          const zone = document.getElementById("dropzone");
          for (const type of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
          }
          return Array.from(document.getElementById("file").files, file => file.name).join(",");
        }
        """;

    [Fact]
    public async Task A_file_dropped_on_the_box_is_uploaded()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        var name = Path.GetFileName(Files.AppleCsv);
        var bytes = await File.ReadAllBytesAsync(Files.AppleCsv, TestContext.Current.CancellationToken);

        var picked = await page.EvaluateAsync<string>(DropFile, new[] { name, Convert.ToBase64String(bytes) });

        Assert.Equal(name, picked);
        Assert.DoesNotContain("over", await page.Locator("#dropzone").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse", Exact = true }).ClickAsync();
        await Pages.WaitForResultAsync(page);
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());
        Assert.Matches(@"Heart rate \d+ bpm", await page.Locator("#heart-rate").InnerTextAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task A_printout_image_dropped_on_the_box_comes_back_as_its_traces_over_the_printout_with_measures_and_verdicts()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        var name = Path.GetFileName(Files.Printout);
        var bytes = await File.ReadAllBytesAsync(Files.Printout, TestContext.Current.CancellationToken);

        Assert.Equal(name, await page.EvaluateAsync<string>(DropFile, new[] { name, Convert.ToBase64String(bytes) }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse", Exact = true }).ClickAsync();
        await Pages.WaitForResultAsync(page);

        var overlay = page.Locator("#printout-image");
        await overlay.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('printout-image').complete");
        Assert.True(await overlay.EvaluateAsync<int>("image => image.naturalWidth") > 1000, "the printout with its traces is shown");
        Assert.Contains("Confidence of the digitized signal", await page.Locator("#printout-confidence").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"Heart rate (7[2-9]|8[0-2]) bpm", await page.Locator("#heart-rate").InnerTextAsync()); // the footer says 77
        var verdicts = await page.Locator("#verdicts-heading").Locator("..").InnerTextAsync();
        Assert.Contains("Printout group from the grid image", verdicts, StringComparison.Ordinal);
        Assert.Contains("Printout group from the digitized signal", verdicts, StringComparison.Ordinal);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task A_refused_file_shows_the_readers_error_next_to_it()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;

        // The genuine export with one sample made unreadable on line 100.
        var lines = await File.ReadAllLinesAsync(Files.AppleCsv, TestContext.Current.CancellationToken);
        lines[99] = "12x,5";
        var payload = new FilePayload { Name = "broken.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines)) };
        await page.Locator("#file").SetInputFilesAsync(payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse", Exact = true }).ClickAsync();

        var error = page.Locator("#upload-form #upload-error");
        await error.WaitForAsync();
        var text = await error.InnerTextAsync();
        Assert.StartsWith("broken.csv: ", text, StringComparison.Ordinal);
        Assert.Contains("line 100", text, StringComparison.Ordinal);
        Assert.Equal("alert", await error.GetAttributeAsync("role"));
        session.AssertNoProblems();
    }
}
