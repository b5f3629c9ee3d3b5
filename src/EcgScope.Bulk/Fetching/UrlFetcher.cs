using System.Globalization;
using System.Net;
using EcgScope.Core;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EcgScope.Bulk.Fetching;

/// <summary>
/// Downloads a list of URLs into a folder, concurrently and fault-tolerantly. Each file is written to
/// <c>DIR/.partial/NAME.part</c> and renamed to <c>DIR/NAME</c> only once complete and verified (length, and MD5
/// where the server gives one), so a file under its final name is always whole. Failed responses (429 with its
/// Retry-After, 5xx, 408, refused connections, no headers in time) are retried by the HTTP client's resilience
/// handler; a body that breaks off, stalls or fails verification is retried with a Range request from where the
/// partial file stopped. Results go to the folder's <see cref="FetchManifest"/>, and a rerun skips what it lists
/// as complete. The token is added to each request only: it never reaches a result, the manifest or a message.
/// </summary>
public sealed class UrlFetcher : IDisposable
{
    /// <summary>The folder inside the output folder that holds incomplete files.</summary>
    public const string PartialFolder = ".partial";

    private readonly FetchOptions options;
    private readonly HttpClient client;
    private readonly ResiliencePipeline bodyRetries;

    /// <summary>A fetcher with its own HTTP client.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public UrlFetcher(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        client = CreateClient(options);
        var bodyPipeline = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            bodyPipeline.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<IOException>()
                    .Handle<TimeoutException>()
                    .Handle<DownloadException>(exception => exception.IsTransient),
            });
        }

        bodyRetries = bodyPipeline.Build();
    }

    /// <summary>
    /// Downloads <paramref name="urls"/> (duplicates once) into the output folder and returns one result per URL, in
    /// order. A failed URL is a result with its reason, never an exception; <paramref name="progress"/> hears of
    /// each finished URL. Cancelling keeps the partial files, so the next run resumes them.
    /// </summary>
    public async Task<FetchSummary> FetchAsync(IReadOnlyList<Uri> urls, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var directory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(Path.Combine(directory, PartialFolder));
        var manifest = FetchManifest.Open(directory);
        var distinct = urls.DistinctBy(url => url.OriginalString, StringComparer.Ordinal).ToArray();
        var names = FileNames.Assign(distinct, manifest.CompleteFiles());
        var results = new FetchResult[distinct.Length];
        var finished = 0;
        var reporting = new Lock();

        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, distinct.Length),
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var url = distinct[index].OriginalString;
                    var result = manifest.CompleteEntry(url, directory) is { } complete
                        ? complete with { Status = FetchStatus.Skipped }
                        : await DownloadAsync(distinct[index], InsideFolder(directory, names[index]), token).ConfigureAwait(false);
                    manifest.Record(result);
                    results[index] = result;
                    lock (reporting)
                    {
                        progress?.Report(new WorkProgress(++finished, distinct.Length, result.File));
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            manifest.Compact();
            RemoveIfEmpty(Path.Combine(directory, PartialFolder));
        }

        return new FetchSummary(results, manifest.Path);
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    private async Task<FetchResult> DownloadAsync(Uri url, string finalPath, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(finalPath);
        var partialPath = Path.Combine(Path.GetDirectoryName(finalPath)!, PartialFolder, name + ".part");
        var requestUrl = options.Token?.AppendTo(url) ?? url;
        var download = new FileDownload(client, requestUrl, partialPath, options);
        try
        {
            var (sha256, verifiedBy) = await bodyRetries.ExecuteAsync(token => new ValueTask<(byte[] Sha256, string VerifiedBy)>(download.AttemptAsync(token)), cancellationToken).ConfigureAwait(false);
            var bytes = new FileInfo(partialPath).Length;
            File.Move(partialPath, finalPath, overwrite: true);
            return new FetchResult(url.OriginalString, name, bytes, Convert.ToHexStringLower(sha256), FetchStatus.Done, null, verifiedBy);
        }
        catch (Exception exception) when (IsDownloadFailure(exception, cancellationToken))
        {
            var attempts = download.Attempts > 1 ? $" ({download.Attempts} attempts)" : "";
            return FetchResult.Failed(url.OriginalString, name, Redact(Describe(exception)) + attempts);
        }
    }

    private static bool IsDownloadFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is DownloadException or HttpRequestException or IOException or TimeoutException or TimeoutRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The exception's message with the cause a socket error hides in its inner exception.</summary>
    private string Describe(Exception exception) => exception switch
    {
        HttpRequestException { InnerException: { } inner } => $"{exception.Message} ({inner.Message})",
        TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"no response headers within {options.ResponseTimeout.TotalSeconds:0.###} s"),
        _ => exception.Message,
    };

    private string Redact(string message) => options.Token?.Redact(message) ?? message;

    /// <summary>Removes the partial folder once nothing is left to resume.</summary>
    private static void RemoveIfEmpty(string folder)
    {
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>The path of <paramref name="name"/> in <paramref name="directory"/>, refusing anything that would leave it.</summary>
    private static string InsideFolder(string directory, string name)
    {
        var path = Path.GetFullPath(Path.Combine(directory, name));
        return Path.GetDirectoryName(path) == directory.TrimEnd(Path.DirectorySeparatorChar)
            ? path
            : throw new InvalidOperationException($"The file name '{name}' would leave the output folder.");
    }

    private static HttpClient CreateClient(FetchOptions options)
    {
        var transport = new SocketsHttpHandler
        {
            // Bytes as stored: decompressing would break the length and MD5 checks and resuming by byte offset.
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = options.Concurrency,
            ConnectTimeout = options.ResponseTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var responses = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            responses.AddRetry(new HttpRetryStrategyOptions
            {
                // Handles HttpRequestException, attempt timeouts, 408, 429 and 5xx.
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, options.MaxRetryDelay)),
            });
        }

        responses.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.ResponseTimeout });
        return new HttpClient(new ResilienceHandler(responses.Build()) { InnerHandler = transport })
        {
            // The pipeline times each attempt out and the body has its read timeout; a whole-request limit would
            // cut off a large file on a slow but healthy link.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// The wait a response's <c>Retry-After</c> asks for, at most <paramref name="longest"/>: a server asking for an hour
    /// would otherwise stall the whole run; the URL is retried sooner, fails after its retries, and a rerun fetches it.
    /// Null (the exponential backoff) when the response has no such header.
    /// </summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan longest)
    {
        var asked = response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return asked is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, longest.Ticks)) : null;
    }
}
