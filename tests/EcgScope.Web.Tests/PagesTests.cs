using System.Net;
using System.Text.RegularExpressions;

namespace EcgScope.Web.Tests;

public sealed partial class PagesTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_visit_goes_to_the_disclaimer_and_accepting_it_opens_the_app()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var first = await client.GetAsync("/history", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/disclaimer", first.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var disclaimer = await client.GetStringAsync(first.Headers.Location, Cancel);
        Assert.Contains("does not diagnose", disclaimer, StringComparison.Ordinal);
        var accepted = await client.PostAsync(first.Headers.Location, Form(disclaimer, ("returnUrl", "/history")), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/history", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/history", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_upload_form_shows_the_result_page_and_the_history_lists_it()
    {
        var client = app.CreateAcceptedClient();
        var start = await client.GetStringAsync("/", Cancel);
        using var form = Uploads.FormOf(Uploads.AppleCsv);
        form.Add(new StringContent(Token(start)), "__RequestVerificationToken");
        form.Add(new StringContent("appleWatch"), "deviceType");

        var response = await client.PostAsync("/?handler=Upload", form, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location, Cancel);
        Assert.Matches(@"Heart rate \d+ bpm", page);
        Assert.Contains("trace.svg", page, StringComparison.Ordinal);
        Assert.Contains("report.pdf", page, StringComparison.Ordinal);
        Assert.Contains("ecg_2024-08-19.csv", await client.GetStringAsync("/history", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_shows_the_readers_error_next_to_the_file()
    {
        var client = app.CreateAcceptedClient();
        var start = await client.GetStringAsync("/", Cancel);
        using var form = Uploads.Form(("notes.txt", "hello, this is not an ECG"u8.ToArray()));
        form.Add(new StringContent(Token(start)), "__RequestVerificationToken");

        var response = await client.PostAsync("/?handler=Upload", form, Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("id=\"upload-error\"", page, StringComparison.Ordinal);
        Assert.Contains("notes.txt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = app.CreateAcceptedClient();

        var response = await client.PostAsync("/?handler=Upload", Uploads.FormOf(Uploads.AppleCsv), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Dutch_pages_have_dutch_words_and_dutch_numbers()
    {
        var client = app.CreateAcceptedClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl");
        var start = await client.GetStringAsync("/", Cancel);
        Assert.Contains("Een ECG analyseren", start, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", Token(start)), new("Demo.Rhythm", "NormalSinus"), new("Demo.DurationSeconds", "20")]);
        var demo = await client.PostAsync("/?handler=Demo", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, demo.StatusCode);
        var page = await client.GetStringAsync(demo.Headers.Location, Cancel);

        Assert.Contains("Hartslag", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"nl\"", page, StringComparison.Ordinal);
        Assert.Matches(@"<td[^>]*>\d+,\d</td>", page); // HRV in ms, with a decimal comma
        Assert.Matches(@"\d{2}-\d{2}-\d{4}", page); // the date as Dutch write it
    }

    [Fact]
    public async Task The_analysis_page_shows_each_leads_intervals_t_wave_and_st()
    {
        var client = app.CreateAcceptedClient();
        var start = await client.GetStringAsync("/", Cancel);
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", Token(start)), new("Demo.Rhythm", "NormalSinus"), new("Demo.DurationSeconds", "20")]);

        var demo = await client.PostAsync("/?handler=Demo", form, Cancel);
        var page = await client.GetStringAsync(demo.Headers.Location, Cancel);

        Assert.Contains("id=\"waves\"", page, StringComparison.Ordinal);
        Assert.Matches(@"data-label=""QTc Bazett \(ms\)"">\d{3}</td>", page);
        Assert.Matches(@"data-label=""T amplitude \(mV\)"">&#x2B;0\.\d\d</td>", page); // "+0.25", the plus HTML-encoded
        Assert.Contains(">not inverted</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analysis_deleted_from_the_history_is_gone()
    {
        var client = app.CreateAcceptedClient();
        var created = await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);
        var id = (await Uploads.Json(created)).GetProperty("id").GetString()!;
        var history = await client.GetStringAsync("/history", Cancel);

        var deleted = await client.PostAsync("/history?handler=Delete", Form(history, ("id", id)), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/analyses/{id}", Cancel)).StatusCode);
    }

    /// <summary>A form post of <paramref name="fields"/> with the antiforgery token of <paramref name="page"/>.</summary>
    internal static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Token(page)), .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))]);

    private static string Token(string page) => TokenPattern().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
