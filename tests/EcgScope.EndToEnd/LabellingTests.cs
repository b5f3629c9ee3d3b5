using EcgScope.Bulk.Labelling;
using Microsoft.Playwright;

namespace EcgScope.EndToEnd;

/// <summary>The labelling page driven by the keyboard, as a person labels a folder.</summary>
public sealed class LabellingTests(Browser browser)
{
    [Fact]
    public async Task Three_images_labelled_by_key_press_are_in_the_labels_csv()
    {
        await using var session = await browser.OpenAcceptedAsync();
        var page = session.Page;
        await page.GotoAsync("/label");

        var decided = 0;
        foreach (var (item, key) in new[] { ("a.png", "2"), ("b.png", "1"), ("c.png", "3") })
        {
            Assert.Equal(item, await page.Locator("#label-item-name").InnerTextAsync());
            Assert.True(await Pages.LoadedImageWidthAsync(page.Locator("#label-image")) > 0, $"{item} did not load");

            // The key submits the page's form; the answer redirects to the page with the next item, loaded whole before
            // the next key.
            await page.Keyboard.PressAsync(key);
            await page.WaitForFunctionAsync("n => document.getElementById('label-progress')?.getAttribute('value') === n", $"{++decided}");
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        Assert.Equal("Every item is decided", await page.Locator("#item-heading").InnerTextAsync());
        Assert.Equal("3", await page.Locator("#label-progress").GetAttributeAsync("value"));
        var labels = LabelsFile.Read(Path.Combine(browser.App.LabellingFolder, "labels.csv"));
        Assert.Equal([("a.png", "abnormal"), ("b.png", "normal"), ("c.png", "unreadable")], labels.Select(entry => (entry.Item, entry.Label)));
        session.AssertNoProblems();
    }
}
