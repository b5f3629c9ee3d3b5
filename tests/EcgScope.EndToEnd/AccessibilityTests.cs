using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcgScope.EndToEnd;

/// <summary>Labelled controls, and the key actions by keyboard alone.</summary>
public sealed partial class AccessibilityTests(Browser browser)
{
    private const string Controls = "input:not([type=hidden]), select, textarea, button";

    [Fact]
    public async Task Every_control_has_an_accessible_name()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        await page.Locator("#demo-form").GetByRole(AriaRole.Button).ClickAsync();
        var result = new Uri(page.Url).AbsolutePath;

        foreach (var path in new[] { "/", result, "/history" })
        {
            await page.GotoAsync(path);
            var controls = page.Locator(Controls);
            var count = await controls.CountAsync();
            Assert.True(count > 0, $"{path} has no controls.");
            for (var i = 0; i < count; i++)
            {
                // The name Chromium's accessibility tree gives the control (label, aria-label or content).
                await Expect(controls.Nth(i)).ToHaveAccessibleNameAsync(NotBlank(), new() { Timeout = 2000 });
            }
        }

        session.AssertNoProblems();
    }

    [Fact]
    public async Task Every_page_fits_a_phone_screen_without_sideways_scrolling()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        await page.Locator("#file").SetInputFilesAsync(Files.AppleCsv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse", Exact = true }).ClickAsync();
        var result = $"/analyses/{await Pages.WaitForResultAsync(page)}";
        await page.SetViewportSizeAsync(390, 844);

        // Wide content (the trace, tables) scrolls inside its own box; the page itself must not. GotoAsync waits for
        // the load event, so the trace image has its size.
        foreach (var path in new[] { "/", "/disclaimer", result, "/history", "/models" })
        {
            await page.GotoAsync(path);
            var overflowing = await page.EvaluateAsync<string>(
                "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 && !e.closest('.trace, .table-scroll')).map(e => e.tagName + '#' + e.id).join(', ')");
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, $"{path} is wider than a phone: {overflowing}");
        }

        session.AssertNoProblems();
    }

    [Fact]
    public async Task The_disclaimer_an_upload_and_a_demo_work_by_keyboard_alone()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        // Accept the disclaimer.
        await TabToAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            // Wait for what the accepted start page shows, not for a navigation event: the navigation can finish before
            // a wait for it begins.
            await page.Locator("#upload-form #file").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // Say where the page stood (a wait for its load event can hang on a resource that never comes).
            var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML : 'nothing'");
            var state = await page.EvaluateAsync<string>("() => document.readyState");
            Assert.Fail($"Still at {page.Url} ({state}) after Enter; focused: {focused}");
        }

        // Pick a file (the picker opens on Space) and send it.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await TabToAsync(page, "#file");
        var chooser = await OpenFileChooserByKeyboardAsync(page);
        await chooser.SetFilesAsync(Files.AppleCsv);
        await TabToAsync(page, "#upload-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Pages.WaitForResultAsync(page);
        Assert.Equal(Path.GetFileName(Files.AppleCsv), await page.Locator("h1").InnerTextAsync());

        // A demo: atrial fibrillation, the option after normal sinus rhythm.
        await page.GotoAsync("/");
        await TabToAsync(page, "#Demo_Rhythm");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("AtrialFibrillation", await page.Locator("#Demo_Rhythm").InputValueAsync());
        await TabToAsync(page, "#demo-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Pages.WaitForResultAsync(page);
        Assert.StartsWith("demo-atrialfibrillation-", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        session.AssertNoProblems();
    }

    /// <summary>
    /// Opens the focused file input's picker with Space. On a busy machine a key press can arrive while the browser is
    /// still settling and open nothing; it is pressed once more, still by keyboard, before the test fails.
    /// </summary>
    private static async Task<IFileChooser> OpenFileChooserByKeyboardAsync(IPage page)
    {
        try
        {
            return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"), new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement.id === 'file'"), "the file input lost the focus");
            return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"), new() { Timeout = 40_000 });
        }
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails naming the stops it passed.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var stops = new List<string>();
        for (var press = 0; press < 60; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "s => { const e = document.activeElement; return e && e.matches(s) ? '' : (e ? e.tagName + '#' + e.id + ' ' + (e.textContent || '').trim().slice(0, 30) : 'nothing'); }",
                selector);
            if (focused.Length == 0)
            {
                return;
            }

            stops.Add(focused);
        }

        Assert.Fail($"Tab never reached {selector}; it went through:\n{string.Join("\n", stops)}");
    }

    [GeneratedRegex(@"\S")]
    private static partial Regex NotBlank();
}
