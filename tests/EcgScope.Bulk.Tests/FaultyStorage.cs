using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

// MD5 here is the storage protocol's checksum (Content-MD5, ETags), not a security measure.
#pragma warning disable CA5351

namespace EcgScope.Bulk.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing cloud storage that misbehaves. A URL is <c>/FAULT/NAME</c>; the body
/// is <see cref="Content"/> of "FAULT/NAME" and the fault decides what goes wrong:
/// ok (Range supported), md5 (correct Content-MD5), etag (ETag is the quoted MD5), drop (connection dropped
/// mid-body once), drop-norange (the same, and Range always ignored), slow (stalls mid-body once), stall (always
/// stalls), noheaders (never answers), chunked (no Content-Length), truncate (half the body with the full Content-Length once), wrongrange (truncated once, then a 206 from byte 0 whatever the Range), 500 (once), 429 (once, Retry-After: 1), 429hour (once, Retry-After: 3600),
/// always500, wronglength (Content-Length always 1000 too many), badmd5 (Content-MD5 always wrong), missing (404).
/// Every request is recorded with its query and Range header.
/// </summary>
internal sealed class FaultyStorage : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string? servedFolder;
    private readonly ConcurrentQueue<SeenRequest> requests = new();
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private int inFlight;
    private int maxInFlight;

    private FaultyStorage(WebApplication app, string? servedFolder)
    {
        this.app = app;
        this.servedFolder = servedFolder;
    }

    /// <summary>Set when a <c>slow</c> response has sent half its body and begun to stall.</summary>
    public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The most requests the server was answering at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<SeenRequest> Requests => [.. requests];

    /// <summary>Starts the server; with <paramref name="servedFolder"/>, a NAME's body is that folder's file NAME instead of <see cref="Content"/>.</summary>
    public static async Task<FaultyStorage> StartAsync(string? servedFolder = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var storage = new FaultyStorage(builder.Build(), servedFolder);
        storage.app.MapGet("/{fault}/{**name}", storage.ServeAsync);
        await storage.app.StartAsync();
        var address = storage.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        storage.BaseUrl = new Uri(address + "/");
        return storage;
    }

    /// <summary>The URL of NAME under FAULT.</summary>
    public Uri Url(string fault, string name) => new(BaseUrl, $"{fault}/{name}");

    /// <summary>Deterministic bytes for a key, 40 to 104 KiB long: several socket reads, so faults land mid-body.</summary>
    public static byte[] Content(string key)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var random = new Random(seed);
        var bytes = new byte[40 * 1024 + random.Next(64 * 1024)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The requests for FAULT/NAME.</summary>
    public IReadOnlyList<SeenRequest> RequestsFor(string fault, string name) =>
        [.. requests.Where(request => request.Key == $"{fault}/{name}")];

    public async ValueTask DisposeAsync()
    {
        Stalled.TrySetCanceled();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context, string fault, string name)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var max = maxInFlight; now > max; max = maxInFlight)
        {
            Interlocked.CompareExchange(ref maxInFlight, now, max);
        }

        try
        {
            await ServeFaultAsync(context, fault, name);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task ServeFaultAsync(HttpContext context, string fault, string name)
    {
        var key = $"{fault}/{name}";
        var request = context.Request;
        requests.Enqueue(new SeenRequest(key, request.QueryString.Value ?? "", request.Headers.Range.ToString(), request.Headers[HeaderNames.IfRange].ToString()));
        var first = counts.AddOrUpdate(key, 1, (_, count) => count + 1) == 1;
        var body = servedFolder is null ? Content(key) : await File.ReadAllBytesAsync(Path.Combine(servedFolder, name), context.RequestAborted);
        var response = context.Response;
        var aborted = context.RequestAborted;
        var etag = fault == "etag" ? $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"" : $"\"v1-{body.Length}\"";
        response.Headers.ETag = etag;

        switch (fault)
        {
            case "missing":
                response.StatusCode = 404;
                return;
            case "always500":
            case "500" when first:
                response.StatusCode = 500;
                return;
            case "429" when first:
                response.StatusCode = 429;
                response.Headers.RetryAfter = "1";
                return;
            case "429hour" when first:
                response.StatusCode = 429;
                response.Headers.RetryAfter = "3600";
                return;
            case "wronglength":
                await WriteCutShortAsync(response, body, body.Length + 1000, body.Length, aborted);
                return;
            case "truncate" or "wrongrange" when first:
                await WriteCutShortAsync(response, body, body.Length, body.Length / 2, aborted);
                return;
            case "drop" or "drop-norange" when first:
                await WriteCutShortAsync(response, body, body.Length, body.Length / 2, aborted);
                // Give the client a moment to read the half before the connection goes.
                await Task.Delay(200, aborted);
                context.Abort();
                return;
            case "slow" when first:
                await WriteCutShortAsync(response, body, body.Length, body.Length / 2, aborted);
                Stalled.TrySetResult();
                await StallAsync(aborted);
                return;
            case "noheaders":
                await StallAsync(aborted);
                return;
            case "stall":
                response.ContentLength = body.Length;
                await response.Body.FlushAsync(aborted);
                await StallAsync(aborted);
                return;
            case "md5":
                response.Headers.ContentMD5 = Convert.ToBase64String(MD5.HashData(body));
                break;
            case "badmd5":
                response.Headers.ContentMD5 = Convert.ToBase64String(MD5.HashData(Content("something else")));
                break;
        }

        var from = fault == "drop-norange" ? 0 : RangeStart(request, etag);
        if (fault == "wrongrange" && from > 0)
        {
            // A 206, but of the whole file rather than the range asked for.
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes 0-{body.Length - 1}/{body.Length}";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, aborted);
            return;
        }

        if (from >= body.Length)
        {
            response.StatusCode = 416;
            response.Headers.ContentRange = $"bytes */{body.Length}";
            return;
        }

        if (from > 0)
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {from}-{body.Length - 1}/{body.Length}";
        }

        // chunked: no Content-Length on a whole response, so nothing tells the client the length.
        response.ContentLength = fault == "chunked" && from == 0 ? null : body.Length - from;
        await response.Body.WriteAsync(body.AsMemory((int)from), aborted);
    }

    private static async Task WriteCutShortAsync(HttpResponse response, byte[] body, long announced, int sent, CancellationToken aborted)
    {
        response.ContentLength = announced;
        await response.Body.WriteAsync(body.AsMemory(0, sent), aborted);
        await response.Body.FlushAsync(aborted);
    }

    private static async Task StallAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }

    /// <summary>The first byte asked for by a <c>Range: bytes=N-</c> header whose If-Range (if any) matches.</summary>
    private static long RangeStart(HttpRequest request, string etag)
    {
        var ifRange = request.Headers[HeaderNames.IfRange].ToString();
        return RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range)
            && range.Ranges.Count == 1 && range.Ranges.First().From is { } from && range.Ranges.First().To is null
            && (ifRange.Length == 0 || ifRange == etag)
            ? from
            : 0;
    }
}

/// <summary>A request as the server saw it.</summary>
/// <param name="Key">FAULT/NAME.</param>
/// <param name="Query">The query string with its '?'.</param>
/// <param name="Range">The Range header, or "" when there was none.</param>
/// <param name="IfRange">The If-Range header, or "" when there was none.</param>
internal sealed record SeenRequest(string Key, string Query, string Range, string IfRange);
