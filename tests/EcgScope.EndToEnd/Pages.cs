using Microsoft.Playwright;
using EcgScope.Testing;

namespace EcgScope.EndToEnd;

/// <summary>Steps the tests share: waiting for a result page, reading an image, downloading a link, finding a history row.</summary>
internal static class Pages
{
    /// <summary>Waits for the result page an upload or demo leads to; returns the analysis id in its address.</summary>
    public static async Task<string> WaitForResultAsync(IPage page)
    {
        // The address first (without waiting for the load event, which a fast navigation can pass before the wait
        // begins), then what the result page shows.
        await page.WaitForURLAsync("**/analyses/*", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#heart-rate").WaitForAsync();
        return new Uri(page.Url).Segments[^1];
    }

    /// <summary>The image's natural width once it has loaded (0 when it failed to load).</summary>
    public static Task<int> LoadedImageWidthAsync(ILocator image) => image.EvaluateAsync<int>(
        "img => img.complete ? img.naturalWidth : new Promise(done => { img.addEventListener('load', () => done(img.naturalWidth)); img.addEventListener('error', () => done(0)); })");

    /// <summary>Clicks <paramref name="link"/> and saves what the browser downloads; returns the saved file.</summary>
    public static async Task<string> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        var path = Path.Combine(TestData.TempFolder(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return path;
    }

    /// <summary>The history table's row of analysis <paramref name="id"/>.</summary>
    public static ILocator HistoryRow(IPage page, string id) =>
        page.Locator("#history tbody tr").Filter(new() { Has = page.Locator($"a[href='/analyses/{id}']") });
}
