namespace EcgScope.Bulk.Fetching;

/// <summary>
/// Why one download failed, in words for the manifest. <see cref="IsTransient"/> says whether a fresh attempt (which
/// resumes from the partial file) may succeed: a body cut short or failing its checksum, but not a 404.
/// </summary>
internal sealed class DownloadException(string message, bool isTransient) : Exception(message)
{
    /// <summary>True when another attempt may succeed.</summary>
    public bool IsTransient { get; } = isTransient;
}
