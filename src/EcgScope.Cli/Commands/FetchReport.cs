using System.Globalization;
using EcgScope.Bulk.Fetching;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope fetch</c> prints: the counts, then every URL with its outcome.</summary>
internal sealed record FetchReport(
    string OutputDirectory,
    string Manifest,
    int Done,
    int Skipped,
    int Failed,
    long DownloadedBytes,
    IReadOnlyList<FetchedFile> Files) : ITextReport
{
    /// <summary>The report of <paramref name="summary"/>, a run into <paramref name="directory"/>.</summary>
    public static FetchReport From(string directory, FetchSummary summary) => new(
        directory,
        summary.ManifestPath,
        summary.Done,
        summary.Skipped,
        summary.Failed,
        summary.Results.Where(result => result.Status == FetchStatus.Done).Sum(result => result.Bytes),
        [.. summary.Results.Select(FetchedFile.Of)]);

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine($"{OutputDirectory} (manifest {Manifest})");
        writer.WriteLine(string.Create(text, $"  done {Done}, skipped {Skipped} (complete before), failed {Failed}; {DownloadedBytes:N0} bytes downloaded"));
        foreach (var failure in Files.Where(file => file.Status == FetchStatus.Failed))
        {
            writer.WriteLine($"  failed {failure.Url}: {failure.Error}");
        }
    }
}

/// <summary>One URL's outcome, as in the manifest.</summary>
/// <param name="Url">The URL as listed (never with the token).</param>
/// <param name="File">The file's name in the output folder.</param>
/// <param name="Bytes">Its length; 0 when it failed.</param>
/// <param name="Sha256">Its SHA-256 in lowercase hex; null when it failed.</param>
/// <param name="Status">done, skipped or failed.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="VerifiedBy">length, md5, length+md5 or none.</param>
internal sealed record FetchedFile(string Url, string File, long Bytes, string? Sha256, FetchStatus Status, string? Error, string VerifiedBy)
{
    /// <summary>The report of one result, field by field.</summary>
    public static FetchedFile Of(FetchResult result) =>
        new(result.Url, result.File, result.Bytes, result.Sha256, result.Status, result.Error, result.VerifiedBy);
}
