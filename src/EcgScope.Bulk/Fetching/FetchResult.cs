namespace EcgScope.Bulk.Fetching;

/// <summary>What became of one URL; also one line of the manifest.</summary>
/// <param name="Url">The URL as listed, never with the token.</param>
/// <param name="File">The file's name inside the output folder.</param>
/// <param name="Bytes">The file's length in bytes; 0 when it failed.</param>
/// <param name="Sha256">The file's SHA-256 in lowercase hex; null when it failed.</param>
/// <param name="Status">Done (downloaded now), skipped (complete from an earlier run) or failed.</param>
/// <param name="Error">Why it failed, with the token masked; null otherwise.</param>
/// <param name="VerifiedBy">What the file was checked against: <c>length</c>, <c>md5</c>, <c>length+md5</c> or <c>none</c> (the server gave neither).</param>
public sealed record FetchResult(string Url, string File, long Bytes, string? Sha256, FetchStatus Status, string? Error, string VerifiedBy)
{
    /// <summary>A failure of <paramref name="url"/> for <paramref name="reason"/>.</summary>
    public static FetchResult Failed(string url, string file, string reason) => new(url, file, 0, null, FetchStatus.Failed, reason, "none");
}

/// <summary>The outcome of one URL.</summary>
public enum FetchStatus
{
    /// <summary>Downloaded and verified in this run.</summary>
    Done,

    /// <summary>Already complete from an earlier run (per the manifest); nothing was requested.</summary>
    Skipped,

    /// <summary>Not downloaded; the result says why.</summary>
    Failed,
}

/// <summary>The results of a whole run, in the order of the URLs.</summary>
/// <param name="Results">One per distinct URL.</param>
/// <param name="ManifestPath">The manifest file the results were written to.</param>
public sealed record FetchSummary(IReadOnlyList<FetchResult> Results, string ManifestPath)
{
    /// <summary>Files downloaded in this run.</summary>
    public int Done => Results.Count(result => result.Status == FetchStatus.Done);

    /// <summary>Files already complete before this run.</summary>
    public int Skipped => Results.Count(result => result.Status == FetchStatus.Skipped);

    /// <summary>URLs that could not be downloaded.</summary>
    public int Failed => Results.Count(result => result.Status == FetchStatus.Failed);
}
