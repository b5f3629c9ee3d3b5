using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcgScope.EndToEnd;

/// <summary>The language menu in the header: Dutch words and Dutch numbers.</summary>
public sealed partial class LanguageTests(Browser browser)
{
    [Fact]
    public async Task Choosing_Dutch_shows_Dutch_pages_with_Dutch_numbers()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;

        // The menu sends its form on change (the button is there for keyboards and pages without script).
        await page.Locator("header #culture").SelectOptionAsync("nl");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Een ECG analyseren");
        await page.Locator("#demo-form").GetByRole(AriaRole.Button, new() { Name = "Maken en analyseren" }).ClickAsync();
        await Pages.WaitForResultAsync(page);
        Assert.Matches(@"^Hartslag \d+ slagen/min$", (await page.Locator("#heart-rate").InnerTextAsync()).Trim());

        // SDNN in milliseconds with one decimal: a decimal comma in Dutch.
        var sdnn = await page.Locator("table").Filter(new() { HasText = "SDNN" }).Locator("tbody tr td").Nth(2).InnerTextAsync();
        Assert.Matches(DutchDecimal(), sdnn);
        session.AssertNoProblems();
    }

    [GeneratedRegex(@"^\d+,\d$")]
    private static partial Regex DutchDecimal();
}
