using System.Net;

namespace EcgScope.Web.Tests;

public sealed class LimitsTests : IDisposable
{
    private readonly WebAppFactory app = new(("Web:MaxFileBytes", "65536"), ("Web:MaxFiles", "2"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_leaves_nothing_behind()
    {
        var client = app.CreateAcceptedClient();

        var response = await client.PostAsync("/api/analyses", Uploads.Form(("big.csv", new byte[100_000])), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("big.csv", (await Uploads.Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.UploadFolder));
    }

    [Fact]
    public async Task More_files_than_allowed_are_refused()
    {
        var client = app.CreateAcceptedClient();

        var response = await client.PostAsync("/api/analyses", Uploads.Form(("a.csv", [1]), ("b.csv", [2]), ("c.csv", [3])), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 2", (await Uploads.Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
