using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using EcgScope.Web.Uploads;
using UglyToad.PdfPig;

namespace EcgScope.Web.Tests;

public sealed class ApiTests : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory app;
    private readonly HttpClient client;

    public ApiTests(WebAppFactory app)
    {
        this.app = app;
        client = app.CreateAcceptedClient();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_apple_watch_csv_is_analysed_stored_and_served_with_the_cli_names()
    {
        var response = await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Uploads.Json(response);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/analyses/{id}", response.Headers.Location!.OriginalString);
        var lead = created.GetProperty("analysis").GetProperty("leads")[0];
        Assert.InRange(lead.GetProperty("heartRateBpm").GetDouble(), 40, 120);
        Assert.Equal("Sinus Rhythm", created.GetProperty("analysis").GetProperty("deviceClassification").GetString());
        Assert.Contains(created.GetProperty("classification").GetProperty("verdicts").EnumerateArray(), v => v.GetProperty("model").GetString() == "rhythm-cnn");
        Assert.Contains("does not diagnose", created.GetProperty("analysis").GetProperty("disclaimer").GetString(), StringComparison.Ordinal);

        var fetched = await client.GetStringAsync($"/api/analyses/{id}", Cancel);
        Assert.Equal(created.GetRawText(), JsonDocument.Parse(fetched).RootElement.GetRawText());
        Assert.Contains(id, await client.GetStringAsync("/api/analyses", Cancel), StringComparison.Ordinal);

        // Only derived data and the signal are kept: the export's name and birth date lines are not.
        Assert.DoesNotContain("1970", fetched, StringComparison.Ordinal);
        Assert.DoesNotContain("Redacted", fetched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_log_and_trace_of_an_analysis_are_served()
    {
        var id = await CreateAsync(Uploads.AppleCsv);

        var pdf = await client.GetAsync($"/api/analyses/{id}/report.pdf?culture=nl", Cancel);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Cancel)))
        {
            var text = string.Join("\n", document.GetPages().Select(page => page.Text));
            Assert.Contains("ecg_2024-08-19.csv", text, StringComparison.Ordinal);
        }

        var log = await client.GetStringAsync($"/api/analyses/{id}/log", Cancel);
        Assert.Contains("ecg_2024-08-19.csv", log, StringComparison.Ordinal);
        Assert.Contains("analysis", log, StringComparison.Ordinal);
        Assert.Contains("SHA-256", log, StringComparison.Ordinal);

        var trace = await client.GetAsync($"/api/analyses/{id}/trace.svg", Cancel);
        Assert.Equal("image/svg+xml", trace.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await trace.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_models_chosen_run_and_an_unknown_model_is_a_problem_400()
    {
        var form = Uploads.FormOf(Uploads.AppleCsv);
        form.Add(new StringContent("rhythm-cnn"), "model");

        var response = await client.PostAsync("/api/analyses", form, Cancel);

        var classification = (await Uploads.Json(response)).GetProperty("classification");
        Assert.Equal(["rhythm-cnn"], classification.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("model").GetString()));
        Assert.Equal(0, classification.GetProperty("notApplicable").GetArrayLength()); // superclass-cnn was not asked for

        var unknown = Uploads.FormOf(Uploads.AppleCsv);
        unknown.Add(new StringContent("no-such-model"), "model");
        var refused = await client.PostAsync("/api/analyses", unknown, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no-such-model", (await Uploads.Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_printout_image_is_digitized_analysed_and_served_with_its_traces_over_it_but_without_its_header()
    {
        var response = await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.Printout), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Uploads.Json(response);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("Printout image", created.GetProperty("format").GetString());
        var printout = created.GetProperty("printout");
        Assert.Equal("threeByFourWithRhythm", printout.GetProperty("arrangement").GetString());
        Assert.InRange(printout.GetProperty("confidence").GetDouble(), 0.5, 1);
        Assert.Equal(12, created.GetProperty("analysis").GetProperty("leads").GetArrayLength());
        Assert.InRange(created.GetProperty("analysis").GetProperty("summary").GetProperty("consensusHeartRateBpm").GetDouble(), 72, 82); // the footer says 77
        var verdicts = created.GetProperty("classification").GetProperty("verdicts").EnumerateArray().ToList();
        var printoutVerdicts = verdicts.Where(v => v.GetProperty("leadName").GetString() == "whole printout").ToList();
        Assert.Equal(["printout-cnn", "printout-features", "printout-resnet18"], printoutVerdicts.Select(v => v.GetProperty("model").GetString()).Order(StringComparer.Ordinal));
        Assert.All(printoutVerdicts, v => Assert.Equal(1, v.GetProperty("probabilities").EnumerateArray().Sum(p => p.GetProperty("probability").GetDouble()), 6));
        Assert.Contains(verdicts, v => v.GetProperty("model").GetString() == "superclass-cnn");

        var png = await client.GetAsync(created.GetProperty("links").GetProperty("printoutPng").GetString(), Cancel);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var (width, height) = PngSize(await png.Content.ReadAsByteArrayAsync(Cancel));
        Assert.InRange(width, 1000, 1600);
        Assert.True(height < 0.85 * width * 1572 / 2213, $"{width} x {height}: the page's header and footer should be cut away");
        Assert.Contains("id=\"printout-image\"", await client.GetStringAsync($"/analyses/{id}", Cancel), StringComparison.Ordinal);
        Assert.Contains("digitized as threeByFourWithRhythm", await client.GetStringAsync($"/api/analyses/{id}/log", Cancel), StringComparison.Ordinal);

        await client.DeleteAsync($"/api/analyses/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/analyses/{id}/printout.png", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_analysis_of_a_file_has_no_printout()
    {
        var id = await CreateAsync(Uploads.AppleCsv);

        var document = JsonDocument.Parse(await client.GetStringAsync($"/api/analyses/{id}", Cancel)).RootElement;
        Assert.Equal(JsonValueKind.Null, document.GetProperty("printout").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.GetProperty("links").GetProperty("printoutPng").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/analyses/{id}/printout.png", Cancel)).StatusCode);
    }

    /// <summary>The width and height a PNG's header gives (big-endian, after the signature and the IHDR chunk's length and type).</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task A_deleted_analysis_is_gone_and_asking_for_it_is_a_problem_404()
    {
        var id = await CreateAsync(Uploads.AppleCsv);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/analyses/{id}", Cancel)).StatusCode);

        foreach (var path in new[] { "", "/report.pdf", "/log", "/trace.svg" })
        {
            var response = await client.GetAsync($"/api/analyses/{id}{path}", Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/analyses/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_malformed_file_is_a_problem_carrying_the_readers_file_line_and_reason()
    {
        var csv = Encoding.UTF8.GetBytes("Name,x\nSample Rate,512 hertz\n\n\nLead,Lead I\nUnit,µV\n\n12\n13\nabc\n");

        var response = await client.PostAsync("/api/analyses", Uploads.Form(("broken.csv", csv)), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Uploads.Json(response);
        Assert.Equal("broken.csv", problem.GetProperty("file").GetString());
        Assert.True(problem.GetProperty("line").ValueKind == JsonValueKind.Number || problem.GetProperty("byteOffset").ValueKind == JsonValueKind.Number);
        Assert.Contains("broken.csv", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_no_known_format_is_refused_by_content_whatever_its_extension()
    {
        var response = await client.PostAsync("/api/analyses", Uploads.Form(("looks-like.hea", "%PDF-1.4 nothing here"u8.ToArray())), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_upload_without_files_or_with_an_unknown_field_value_is_a_problem_400()
    {
        var empty = await client.PostAsync("/api/analyses", new MultipartFormDataContent { { new StringContent("kardia"), "deviceType" } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("No file", (await Uploads.Json(empty)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var form = Uploads.FormOf(Uploads.AppleCsv);
        form.Add(new StringContent("fast"), "samplingRateHz");
        var badRate = await client.PostAsync("/api/analyses", form, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badRate.StatusCode);
        Assert.Contains("samplingRateHz", (await Uploads.Json(badRate)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wfdb_record_is_read_from_its_two_files_or_from_a_zip()
    {
        var header = Uploads.SampleHeader;
        var data = Path.ChangeExtension(header, ".dat");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/analyses", Uploads.FormOf(header, data), Cancel)).StatusCode);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(header, "record/" + Path.GetFileName(header));
            archive.CreateEntryFromFile(data, "record/" + Path.GetFileName(data));
        }

        var fromZip = await client.PostAsync("/api/analyses", Uploads.Form(("record.zip", zip.ToArray())), Cancel);
        Assert.Equal(HttpStatusCode.Created, fromZip.StatusCode);
        Assert.Equal("record.zip/record/mitdb-100-60s.hea", (await Uploads.Json(fromZip)).GetProperty("fileName").GetString());

        var headerAlone = await client.PostAsync("/api/analyses", Uploads.FormOf(header), Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, headerAlone.StatusCode);
        Assert.Contains(".dat", (await Uploads.Json(headerAlone)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_from_its_declared_sizes_before_anything_is_expanded()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await archive.CreateEntry("zeros.csv", CompressionLevel.SmallestSize).OpenAsync(Cancel);
            var block = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                await entry.WriteAsync(block, Cancel);
            }
        }

        Assert.True(zip.Length < 2 << 20, "300 MiB of zeros compress to under 2 MiB");
        var response = await client.PostAsync("/api/analyses", Uploads.Form(("bomb.zip", zip.ToArray())), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("expand", (await Uploads.Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bomb", "expands to more than")]
    [InlineData("nested", "nesting depth")]
    public async Task A_hostile_pdf_is_refused_clearly(string kind, string reason)
    {
        var pdf = kind == "bomb" ? HostilePdfs.Bomb() : HostilePdfs.DeeplyNested();

        var response = await client.PostAsync("/api/analyses", Uploads.Form(($"{kind}.pdf", pdf)), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Uploads.Json(response);
        Assert.Equal($"{kind}.pdf", problem.GetProperty("file").GetString());
        Assert.Contains(reason, problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_upload_folder_is_deleted_after_the_read_whether_it_worked_or_not()
    {
        await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);
        await client.PostAsync("/api/analyses", Uploads.Form(("broken.csv", "not,an,ecg"u8.ToArray())), Cancel);
        await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.SampleHeader), Cancel);

        Assert.Empty(Directory.EnumerateFileSystemEntries(app.UploadFolder));
    }

    [Fact]
    public async Task The_demo_generator_makes_each_rhythm_and_refuses_rates_outside_its_range()
    {
        var response = await client.PostAsync(
            "/api/demo", JsonContent("""{"rhythm":"atrialFibrillation","heartRateBpm":110,"durationSeconds":30}"""), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var analysis = (await Uploads.Json(response)).GetProperty("analysis");
        Assert.Equal("synthetic", analysis.GetProperty("format").GetString());
        Assert.InRange(analysis.GetProperty("leads")[0].GetProperty("heartRateBpm").GetDouble(), 95, 125);

        var refused = await client.PostAsync("/api/demo", JsonContent("""{"rhythm":"bradycardia","heartRateBpm":90}"""), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Uploads.Json(refused)).GetProperty("errors").TryGetProperty("HeartRateBpm", out _));
    }

    [Fact]
    public async Task The_models_and_the_openapi_document_are_served()
    {
        var models = await Uploads.Json(await client.GetAsync("/api/models", Cancel));
        Assert.Contains(models.GetProperty("models").EnumerateArray(), model => model.GetProperty("name").GetString() == "rhythm-cnn");

        var card = await client.GetAsync("/api/models/rhythm-cnn/card", Cancel);
        Assert.Equal("text/markdown", card.Content.Headers.ContentType!.MediaType);
        Assert.Contains("CinC", await card.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/models/no-such-model/card", Cancel)).StatusCode);

        var openApi = await client.GetStringAsync("/openapi/v1.json", Cancel);
        foreach (var path in new[] { "/api/analyses", "/api/analyses/{id}", "/api/analyses/{id}/report.pdf", "/api/models", "/api/demo" })
        {
            Assert.Contains($"\"{path}\"", openApi, StringComparison.Ordinal);
        }

        Assert.Contains("<script", await app.CreateClient().GetStringAsync("/scalar", Cancel), StringComparison.Ordinal); // the browsable reference
    }

    [Fact]
    public async Task The_openapi_document_names_the_uploads_parts_and_only_the_file_is_required()
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel));

        // A multipart body must be an object of named parts: a bare array of files named no field, and the API
        // reference's request examples failed on it ("Named positional multipart items must contain exactly one property").
        var reference = document.RootElement.GetProperty("paths").GetProperty("/api/analyses").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("$ref").GetString()!;
        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]);
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal(
            [UploadForm.DeviceTypeField, "file", UploadForm.ModelField, UploadForm.SamplingRateField, UploadForm.UnitField],
            schema.GetProperty("properties").EnumerateObject().Select(part => part.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["file"], schema.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_pages_allow_no_inline_script()
    {
        var response = await client.GetAsync("/", Cancel);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private async Task<string> CreateAsync(string path)
    {
        var response = await client.PostAsync("/api/analyses", Uploads.FormOf(path), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Uploads.Json(response)).GetProperty("id").GetString()!;
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
