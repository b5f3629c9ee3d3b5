using System.Net.Http.Headers;
using System.Text.Json;

namespace EcgScope.Bulk.Fetching;

/// <summary>
/// What a partial file was started from, kept beside it (<c>NAME.part.json</c>) so that a later run resumes it only
/// while the server's file is unchanged (<c>If-Range</c> with its ETag) and still checks the whole file against the
/// MD5 the first response announced (a 206 does not repeat it).
/// </summary>
/// <param name="ETag">The strong ETag of the response that started the file, or null.</param>
/// <param name="Md5">The whole file's MD5 in base64, or null.</param>
internal sealed record PartialState(string? ETag, string? Md5)
{
    /// <summary>The state file of <paramref name="partialPath"/>.</summary>
    public static string PathOf(string partialPath) => partialPath + ".json";

    /// <summary>The saved state of <paramref name="partialPath"/>; empty when there is none or it is unreadable.</summary>
    public static PartialState Load(string partialPath)
    {
        try
        {
            return File.Exists(PathOf(partialPath)) ? JsonSerializer.Deserialize<PartialState>(File.ReadAllText(PathOf(partialPath))) ?? Empty : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>No state: resume without If-Range and without an MD5 to check.</summary>
    public static PartialState Empty { get; } = new(null, null);

    /// <summary>The ETag as an If-Range validator, when it is a valid strong one.</summary>
    public EntityTagHeaderValue? Validator =>
        EntityTagHeaderValue.TryParse(ETag, out var etag) && !etag.IsWeak ? etag : null;

    /// <summary>The MD5's bytes, when it is a valid one.</summary>
    public byte[]? Md5Bytes
    {
        get
        {
            var bytes = new byte[16];
            return Md5 is not null && Convert.TryFromBase64String(Md5, bytes, out var written) && written == 16 ? bytes : null;
        }
    }

    /// <summary>Writes the state beside <paramref name="partialPath"/>.</summary>
    public void Save(string partialPath) => File.WriteAllText(PathOf(partialPath), JsonSerializer.Serialize(this));

    /// <summary>Removes the state of <paramref name="partialPath"/>, if any.</summary>
    public static void Delete(string partialPath) => File.Delete(PathOf(partialPath));
}
