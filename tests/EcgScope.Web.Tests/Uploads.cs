using System.Net.Http.Headers;
using System.Text.Json;
using EcgScope.Testing;

namespace EcgScope.Web.Tests;

/// <summary>Multipart uploads as a browser or curl sends them, and the files the tests upload.</summary>
internal static class Uploads
{
    public static string AppleCsv => TestData.File("apple-health", "ecg_2024-08-19.csv");

    /// <summary>A genuine 12-lead printout at full resolution (2213 x 1572, 200 dpi) whose footer says 77 bpm.</summary>
    public static string Printout => TestData.File("images", "cardiac-patients", "normal", "Normal(1).jpg");

    public static string SampleHeader => TestData.RepositoryFile("samples", "mitdb-100-60s.hea");

    public static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return form;
    }

    public static MultipartFormDataContent FormOf(params string[] paths) =>
        Form([.. paths.Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))]);

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
