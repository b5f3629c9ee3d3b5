using System.Net;
using EcgScope.Bulk.Labelling;
using EcgScope.Bulk.Tests.Labelling;
using EcgScope.Testing;

namespace EcgScope.Web.Tests;

public sealed class LabellingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_label_skip_and_undo_and_the_page_shows_the_next_item_and_the_progress()
    {
        var folder = LabelFolder.Create(3);
        using var app = Labelling(folder);
        var client = app.CreateAcceptedClient();
        var page = await client.GetStringAsync("/label", Cancel);
        Assert.Contains("id=\"label-item-name\">a.jpg<", page, StringComparison.Ordinal);
        Assert.Contains("max=\"3\" value=\"0\"", page, StringComparison.Ordinal);

        page = await Press(client, page, "a.jpg", "2");
        page = await Press(client, page, "b.jpg", "s");

        Assert.Contains("id=\"label-item-name\">c.jpg<", page, StringComparison.Ordinal);
        Assert.Contains("max=\"3\" value=\"2\"", page, StringComparison.Ordinal);
        Assert.Equal([("a.jpg", "abnormal"), ("b.jpg", null)], LabelsFile.Read(Path.Combine(folder, "labels.csv")).Select(e => (e.Item, e.Label)));

        page = await Press(client, page, "c.jpg", "u");
        Assert.Contains("id=\"label-item-name\">b.jpg<", page, StringComparison.Ordinal);
        Assert.Single(LabelsFile.Read(Path.Combine(folder, "labels.csv")));

        var refused = await client.PostAsync("/label?handler=Key", PagesTests.Form(page, ("item", "b.jpg"), ("key", "7")), Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"label-error\">No class has the key &#x27;7&#x27;.", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_app_resumes_at_the_first_undecided_item()
    {
        var folder = LabelFolder.Create(3);
        using (var first = Labelling(folder))
        {
            var client = first.CreateAcceptedClient();
            await Press(client, await client.GetStringAsync("/label", Cancel), "a.jpg", "1");
        }

        using var second = Labelling(folder);
        var page = await second.CreateAcceptedClient().GetStringAsync("/label", Cancel);

        Assert.Contains("id=\"label-item-name\">b.jpg<", page, StringComparison.Ordinal);
        Assert.Contains("normal 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_item_is_served_as_it_is_and_only_items_of_the_folder_are()
    {
        var folder = LabelFolder.Create(1);
        using var app = Labelling(folder);
        var client = app.CreateAcceptedClient();

        var image = await client.GetAsync("/label?handler=Item&item=a.jpg", Cancel);

        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "a.jpg")), await image.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/label?handler=Item&item=../history.db", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_record_is_drawn_on_ecg_paper()
    {
        var folder = TestData.TempFolder();
        foreach (var extension in new[] { ".hea", ".dat", ".atr" })
        {
            File.Copy(TestData.RepositoryFile("samples", "mitdb-100-60s" + extension), Path.Combine(folder, "mitdb-100-60s" + extension));
        }

        using var app = Labelling(folder);
        var svg = await app.CreateAcceptedClient().GetAsync("/label?handler=Item&item=mitdb-100-60s.hea", Cancel);

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_writes_train_and_test_folders_and_says_how_many()
    {
        var folder = LabelFolder.Create(2);
        using var app = Labelling(folder);
        var client = app.CreateAcceptedClient();
        var page = await Press(client, await client.GetStringAsync("/label", Cancel), "a.jpg", "1");
        page = await Press(client, page, "b.jpg", "3");
        var to = Path.Combine(TestData.TempFolder(), "export");

        var exported = await client.PostAsync(
            "/label?handler=Export", PagesTests.Form(page, ("ExportFolder", to), ("TestFraction", "0"), ("Seed", "1")), Cancel);

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Contains("2 items exported", await exported.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(to, "train", "normal", "a.jpg")));
        Assert.True(File.Exists(Path.Combine(to, "train", "mi", "b.jpg")));
    }

    [Fact]
    public async Task Without_a_configured_folder_the_page_says_how_to_configure_one()
    {
        using var app = new WebAppFactory();

        var page = await app.CreateAcceptedClient().GetStringAsync("/label", Cancel);

        Assert.Contains("id=\"label-not-configured\"", page, StringComparison.Ordinal);
    }

    private static WebAppFactory Labelling(string folder) => new(
        ("Labelling:Folder", folder), ("Labelling:Classes:0", "normal"), ("Labelling:Classes:1", "abnormal"), ("Labelling:Classes:2", "mi"));

    /// <summary>Posts a key as the page's form does and returns the page the redirect leads to.</summary>
    private static async Task<string> Press(HttpClient client, string page, string item, string key)
    {
        var response = await client.PostAsync("/label?handler=Key", PagesTests.Form(page, ("item", item), ("key", key)), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location, Cancel);
    }
}
