using EcgScope.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(EcgScope.EndToEnd.Browser))]

// One browser drives one app: tests run one after another, so no test waits on another's page for its timings.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace EcgScope.EndToEnd;

/// <summary>
/// Debian's Chromium (apt <c>chromium</c>), driven by Playwright's driver from the NuGet package (never a downloaded
/// browser), over the app served on loopback. Shared by every test; each test gets its own browser context (cookies).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? chromium;

    /// <summary>The app under test.</summary>
    public ServedApp App { get; } = new();

    /// <summary>A fresh browser context (no cookies) and page, 1280×800 CSS pixels.</summary>
    public async Task<BrowserSession> OpenAsync()
    {
        Prerequisite.Program(ChromiumPath, "chromium");
        if (chromium is null)
        {
            playwright = await Playwright.CreateAsync();
            chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        }

        var context = await chromium.NewContextAsync(new()
        {
            BaseURL = App.Address.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            AcceptDownloads = true,
            Locale = "en-GB",
        });
        return await BrowserSession.StartAsync(context);
    }

    /// <summary>A fresh session that has accepted the disclaimer as a person does, on the start page.</summary>
    public async Task<BrowserSession> OpenAcceptedAsync()
    {
        var session = await OpenAsync();
        await session.AcceptDisclaimerAsync();
        return session;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
