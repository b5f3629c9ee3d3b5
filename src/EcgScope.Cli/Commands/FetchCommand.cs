using System.CommandLine;
using EcgScope.Bulk.Fetching;
using EcgScope.Cli.Output;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope fetch --urls FILE --out DIR</c>: downloads a list of URLs, verified and resumable, with a manifest.
/// Exit 0 when every URL is in place, <see cref="SomeFailed"/> when some failed (each is listed with its reason).
/// </summary>
internal static class FetchCommand
{
    /// <summary>Exit code when the run finished but some URLs could not be downloaded.</summary>
    public const int SomeFailed = 1;

    private const int DefaultConcurrency = 4;

    public static Command Create()
    {
        var urls = new Option<FileInfo>("--urls")
        {
            Description = "A text file of URLs, one per line; blank lines and lines starting with '#' are skipped.",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder the files land in (created if missing), with manifest.jsonl; a rerun skips what it lists as complete.",
            Required = true,
        };
        var tokenVariable = new Option<string?>("--token-env")
        {
            Description = "The name of an environment variable holding a SAS-style token (sv=...&sig=...) to add to every URL's query. The token is never taken on the command line, printed or written.",
        };
        var concurrency = NumberOption.Count(
            "--concurrency", $"Downloads at once, 1 to {FetchOptions.MaxConcurrency}. Default: {DefaultConcurrency}.", 1, FetchOptions.MaxConcurrency, DefaultConcurrency);
        var format = new CommonOptions().Format;
        var command = new Command("fetch", "Download a list of URLs concurrently: retried, resumed, verified (length, MD5), written atomically, with a manifest.")
        {
            urls, output, tokenVariable, concurrency, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            FetchReport? report = null;
            var exitCode = CommandRunner.Run(parse, parse.GetValue(format), () =>
            {
                var options = new FetchOptions
                {
                    OutputDirectory = OutputFolder(parse.GetRequiredValue(output)),
                    Concurrency = parse.GetValue(concurrency),
                    Token = Token(parse.GetValue(tokenVariable)),
                };
                var list = ReadList(parse.GetRequiredValue(urls));
                using var fetcher = new UrlFetcher(options);
                var summary = ConsoleProgress.Run("downloading", progress => fetcher.FetchAsync(list, progress, cancellationToken).GetAwaiter().GetResult());
                return report = FetchReport.From(options.OutputDirectory, summary);
            });
            return Task.FromResult(exitCode == CommandRunner.Success && report is { Failed: > 0 } ? SomeFailed : exitCode);
        });
        return command;
    }

    private static string OutputFolder(DirectoryInfo folder) =>
        File.Exists(folder.FullName) ? throw new UsageException($"--out {folder.FullName}: is a file, not a folder.") : folder.FullName;

    private static IReadOnlyList<Uri> ReadList(FileInfo file) =>
        file.Exists ? UrlList.Read(file.FullName) : throw new UsageException($"--urls {file.FullName}: no such file.");

    /// <summary>The token in the variable named <paramref name="variable"/>; messages name the variable, never its value.</summary>
    private static SasToken? Token(string? variable)
    {
        if (variable is null)
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } value)
        {
            throw new UsageException($"--token-env {variable}: the environment variable is not set or empty.");
        }

        try
        {
            return new SasToken(value);
        }
        catch (ArgumentException error)
        {
            throw new UsageException($"--token-env {variable}: {error.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
