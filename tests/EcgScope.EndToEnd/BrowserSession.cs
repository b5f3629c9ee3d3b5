using Microsoft.Playwright;

namespace EcgScope.EndToEnd;

/// <summary>
/// One test's browser context and page. Records every console error, uncaught script error, content security policy
/// violation and failed resource (script, style, image) on any page it shows, so a test can prove its pages ran clean.
/// A page's own status is not a problem: a refused upload answers 422 on purpose.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Chromium logs CSP refusals to the console; the DOM event also catches reports that never reach it.
    private const string ReportPolicyViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));";

    private readonly List<string> problems = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Chromium logs every response of 400 and more, the page's own too: resources are checked below instead.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Record($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"script error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
            {
                Record($"{response.Request.ResourceType} {response.Url} answered {response.Status}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // A link that downloads ends its navigation as "aborted": that is how a download looks, not a failure.
            if (!request.IsNavigationRequest)
            {
                Record($"{request.ResourceType} {request.Url} failed: {request.Failure}");
            }
        };
    }

    /// <summary>The context: its own cookies, viewport and downloads.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page the test drives.</summary>
    public IPage Page { get; }

    /// <summary>Opens a page in <paramref name="context"/> that reports CSP violations.</summary>
    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.AddInitScriptAsync(ReportPolicyViolations);

        // Waits, not timings: a CI machine busy with other test assemblies may be slow to serve the first pages.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>The problems recorded so far, each with the page it happened on.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>Fails when any page shown so far logged a console error, threw, or broke the content security policy.</summary>
    public void AssertNoProblems()
    {
        var found = Problems;
        Assert.True(found.Count == 0, "The pages reported problems:\n" + string.Join("\n", found));
    }

    /// <summary>Accepts the disclaimer the way a person does (the app sends every first visit there).</summary>
    public async Task AcceptDisclaimerAsync()
    {
        await Page.GotoAsync("/");
        Assert.Contains("/disclaimer", Page.Url, StringComparison.Ordinal);
        await Page.GetByRole(AriaRole.Button, new() { Name = "I understand" }).ClickAsync();

        // Wait for what the start page shows, not for a navigation event: the navigation can finish before a wait for it begins.
        await Page.Locator("#upload-form #file").WaitForAsync();
        Assert.Equal("/", new Uri(Page.Url).AbsolutePath);
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Record(string problem)
    {
        lock (problems)
        {
            problems.Add($"{problem} (on {Page.Url})");
        }
    }
}
