namespace EcgScope.Bulk.Fetching;

/// <summary>
/// How <see cref="UrlFetcher"/> downloads. A class, not a record: a record's generated <c>ToString</c> would print
/// every property, and these options may carry a token.
/// </summary>
public sealed class FetchOptions
{
    /// <summary>The most downloads at once allowed by <see cref="Concurrency"/>.</summary>
    public const int MaxConcurrency = 64;

    /// <summary>The folder the files land in; created when missing. Partial files live in its <c>.partial</c> folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Downloads running at once, 1 to <see cref="MaxConcurrency"/>. Default 4.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>A token added to every URL's query, or null for public URLs.</summary>
    public SasToken? Token { get; init; }

    /// <summary>
    /// Retries after a failed attempt, 0 or more. Default 5. Two kinds are counted separately: failed responses (a
    /// refused connection, no headers in time, 408, 429, 5xx), retried on the same request; and a body that broke
    /// off, stalled or did not verify, retried with a new request that resumes where the file stopped.
    /// </summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first retry's delay; each further retry doubles it, with random jitter. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between retries. Default 30 s. A server's <c>Retry-After</c> is honoured up to this long, so a server asking for an hour cannot stall the run.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for the connection and the response headers. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest silence allowed inside a response body before the attempt counts as timed out. Default 30 s.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a value is out of range, naming the property.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Concurrency, MaxConcurrency);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResponseTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReadTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(RetryDelay.Ticks, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryDelay);
    }
}
