using Microsoft.Playwright;

namespace EcgScope.EndToEnd;

/// <summary>
/// Full-page screenshots for the docs, taken only when ECGSCOPE_SCREENSHOTS names a folder
/// (scripts/screenshots.sh sets it to docs/screenshots).
/// </summary>
internal static class Screenshots
{
    private static readonly (string Name, int Width, int Height)[] Viewports = [("desktop", 1280, 800), ("phone", 390, 844)];

    private static string? Folder => Environment.GetEnvironmentVariable("ECGSCOPE_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    /// <summary>Saves the page as NAME-desktop.png and NAME-phone.png, then puts the viewport back.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Folder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var original = page.ViewportSize;
        foreach (var (viewport, width, height) in Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{viewport}.png"), FullPage = true });
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }
}
