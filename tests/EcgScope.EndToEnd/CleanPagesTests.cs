using Microsoft.Playwright;

namespace EcgScope.EndToEnd;

/// <summary>Every page loads without a console error, a script error, a failed resource or a content security policy violation.</summary>
public sealed class CleanPagesTests(Browser browser)
{
    [Fact]
    public async Task Every_page_runs_clean()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        await page.Locator("#demo-form").GetByRole(AriaRole.Button).ClickAsync();
        var result = new Uri(page.Url).AbsolutePath;
        await Pages.LoadedImageWidthAsync(page.Locator("#trace-image"));

        foreach (var path in new[] { "/", "/disclaimer", result, "/history", "/models", "/label", "/scalar" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(session.Problems.Count == 0, $"{path}:\n{string.Join("\n", session.Problems)}");
        }
    }

    [Fact]
    public async Task The_checks_catch_an_inline_script_a_missing_image_and_a_script_error()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        Assert.Empty(session.Problems);

        // What a page with a bug would do: inline script (refused by the CSP), a broken image, an uncaught error.
        await page.EvaluateAsync("""
            () => {
              const script = document.createElement("script");
              script.textContent = "document.title = 'inline ran'";
              document.body.append(script);
              const image = document.createElement("img");
              image.src = "/no-such-image.png";
              document.body.append(image);
              setTimeout(() => { throw new Error("deliberate"); });
            }
            """);
        // The three reports arrive in any order (the image's 404 may come after the script error): wait for all.
        string[] expected = ["CSP violation: script-src", "/no-such-image.png answered 404", "deliberate"];
        for (var waited = 0; waited < 100 && !expected.All(text => session.Problems.Any(problem => problem.Contains(text, StringComparison.Ordinal))); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var problems = string.Join("\n", session.Problems);
        Assert.NotEqual("inline ran", await page.TitleAsync());
        Assert.Contains("CSP violation: script-src", problems, StringComparison.Ordinal);
        Assert.Contains("/no-such-image.png answered 404", problems, StringComparison.Ordinal);
        Assert.Contains("deliberate", problems, StringComparison.Ordinal);
    }
}
