using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EcgScope.Web.Tests;

/// <summary>The optional explanation against a fake OpenAI-compatible server on loopback: what is sent, and only when asked.</summary>
public sealed class LanguageModelTests : IAsyncLifetime
{
    private readonly List<(string Path, string? Authorization, string Body)> received = [];
    private WebApplication? fake;
    private WebAppFactory? app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        fake = builder.Build();
        fake.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            lock (received)
            {
                received.Add((request.Path, request.Headers.Authorization.ToString(), body));
            }

            return Results.Json(new { choices = new[] { new { message = new { role = "assistant", content = "Your heart beat about 70 times a minute. This is not medical advice." } } } });
        });
        await fake.StartAsync(Cancel);
        var address = fake.Urls.Single();
        app = new WebAppFactory(
            ("LanguageModel:Endpoint", address + "/v1"),
            ("LanguageModel:Model", "fake-model"),
            ("LanguageModel:ApiKey", "secret-key"));
    }

    [Fact]
    public async Task The_page_shows_what_would_be_sent_and_sends_it_only_when_asked()
    {
        var client = app!.CreateAcceptedClient();
        var created = await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);
        var id = (await Uploads.Json(created)).GetProperty("id").GetString()!;

        var page = await client.GetStringAsync($"/analyses/{id}", Cancel);
        Assert.Contains("id=\"language-model-request\"", page, StringComparison.Ordinal);
        Assert.Contains("fake-model", page, StringComparison.Ordinal);
        Assert.Empty(received);

        var response = await client.PostAsync($"/api/analyses/{id}/explanation", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var explanation = await Uploads.Json(response);
        Assert.Contains("70 times a minute", explanation.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var (path, authorization, body) = Assert.Single(received);
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer secret-key", authorization);
        using var sent = JsonDocument.Parse(body);
        Assert.Equal("fake-model", sent.RootElement.GetProperty("model").GetString());
        var figures = sent.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
        Assert.Contains("Heart rate:", figures, StringComparison.Ordinal);

        // Derived figures only: no file name, no date, no name or birth date, no samples.
        foreach (var forbidden in new[] { "ecg_2024", "2024-08-19", "Redacted", "1970", "samples" })
        {
            Assert.DoesNotContain(forbidden, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(body.Length < 4000, "a page of figures, not a signal");
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_offered_and_the_api_says_it_is_off()
    {
        using var plain = new WebAppFactory();
        var client = plain.CreateAcceptedClient();
        var created = await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);
        var id = (await Uploads.Json(created)).GetProperty("id").GetString()!;

        Assert.DoesNotContain("language-model", await client.GetStringAsync($"/analyses/{id}", Cancel), StringComparison.Ordinal);
        var response = await client.PostAsync($"/api/analyses/{id}/explanation", null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No language model", (await Uploads.Json(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        app?.Dispose();
        if (fake is not null)
        {
            await fake.DisposeAsync();
        }
    }
}
