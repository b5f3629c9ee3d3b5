using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace EcgScope.Bulk.Fetching;

/// <summary>
/// What a response says the whole file should be: its length and, when the server gives one, its MD5. The MD5
/// comes from <c>Content-MD5</c> (base64, as Azure sends it; only on a full 200 response, since on a 206 it covers
/// the range), Azure's <c>x-ms-blob-content-md5</c> (always the whole blob), or an ETag that is a quoted MD5 in hex
/// (S3 and many static servers; a multipart ETag with a '-' is no MD5 and is ignored).
/// </summary>
/// <param name="Length">The whole file's length in bytes, when known.</param>
/// <param name="Md5">The whole file's MD5, when given.</param>
internal sealed record ExpectedContent(long? Length, byte[]? Md5)
{
    private const string AzureBlobMd5 = "x-ms-blob-content-md5";

    /// <summary>What <paramref name="response"/> (a 200 or a 206) says about the whole file.</summary>
    public static ExpectedContent Of(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var partial = response.StatusCode == HttpStatusCode.PartialContent;
        var length = partial ? response.Content.Headers.ContentRange?.Length : response.Content.Headers.ContentLength;
        var md5 = Base64Md5(response.Headers.TryGetValues(AzureBlobMd5, out var blob) ? blob.FirstOrDefault() : null)
            ?? (partial ? null : response.Content.Headers.ContentMD5 is { Length: 16 } header ? header : null)
            ?? EtagMd5(response.Headers.ETag);
        return new ExpectedContent(length, md5);
    }

    /// <summary>Which checks these expectations allow, as the manifest names them.</summary>
    public string VerifiedBy => (Length, Md5) switch
    {
        (not null, not null) => "length+md5",
        (not null, null) => "length",
        (null, not null) => "md5",
        _ => "none",
    };

    private static byte[]? Base64Md5(string? text)
    {
        var bytes = new byte[16];
        return text is not null && Convert.TryFromBase64String(text.Trim(), bytes, out var written) && written == 16 ? bytes : null;
    }

    private static byte[]? EtagMd5(EntityTagHeaderValue? etag)
    {
        // A weak ETag only promises equivalent content, not the same bytes.
        var hex = etag is { IsWeak: false } ? etag.Tag.Trim('"') : null;
        return hex is { Length: 32 } && hex.All(Uri.IsHexDigit) ? Convert.FromHexString(hex) : null;
    }

    /// <summary>The MD5 in the base64 form servers send, for messages.</summary>
    public static string Show(byte[] md5) => Convert.ToBase64String(md5);

    /// <summary>A byte count for messages.</summary>
    public static string Show(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);
}
