using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EcgScope.Benchmarks.Web;

/// <summary>The web app hosted in this process (in-memory server), with its history and uploads in a fresh temp folder and quiet logs.</summary>
internal sealed class BenchWebApp : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("ecgscope-bench-").FullName;

    /// <summary>
    /// The app's content root, named for WebApplicationFactory: it looks for its manifest in the working directory, and
    /// <c>dotnet run --project bench/...</c> runs from the repository's root.
    /// </summary>
    public BenchWebApp() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ECGSCOPE_WEB", Path.Combine(BenchmarkInput.RepositoryRoot, "src", "EcgScope.Web"));

    /// <summary>A client that has accepted the disclaimer.</summary>
    public HttpClient CreateAcceptedClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "ecgscope-disclaimer=accepted");
        return client;
    }

    /// <summary>Uploads <paramref name="content"/> as <paramref name="fileName"/> through the REST API; returns the new analysis id.</summary>
    public static async Task<string> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await client.PostAsync(new Uri("/api/analyses", UriKind.Relative), form).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Upload of {fileName} answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Web:Database", Path.Combine(folder, "history.db"));
        builder.UseSetting("Web:UploadFolder", Directory.CreateDirectory(Path.Combine(folder, "uploads")).FullName);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // The factory's DisposeAsync comes here too.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
