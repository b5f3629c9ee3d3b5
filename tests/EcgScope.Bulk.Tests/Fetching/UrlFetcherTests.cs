using System.Security.Cryptography;
using EcgScope.Bulk.Fetching;
using EcgScope.Core;
using EcgScope.Testing;

namespace EcgScope.Bulk.Tests.Fetching;

public sealed class UrlFetcherTests
{
    private const string Signature = "Zm9vYmFyc2VjcmV0%2Bc2ln";
    private const string Token = "?sv=2026-01-01&sr=b&sig=" + Signature;

    private static readonly (string Fault, string Name)[] Good =
    [
        ("ok", "a.dat"), ("md5", "b.dat"), ("etag", "c.dat"), ("drop", "d.dat"), ("drop-norange", "e.dat"), ("slow", "f.dat"),
        ("truncate", "g.dat"), ("500", "h.dat"), ("429", "i.dat"), ("md5", "a.dat"), ("chunked", "o.dat"),
    ];

    private static readonly (string Fault, string Name, string Reason)[] Bad =
    [
        ("stall", "j.dat", "stalled"), ("always500", "k.dat", "HTTP 500 Internal Server Error (still failing after 3 retries)"), ("wronglength", "l.dat", "prematurely"),
        ("badmd5", "m.dat", "MD5 mismatch"), ("missing", "n.dat", "HTTP 404"),
    ];

    [Fact]
    public async Task A_faulty_server_ends_in_verified_files_and_every_failure_listed()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = Path.Combine(TestData.TempFolder(), "out");
        var urls = Good.Select(g => storage.Url(g.Fault, g.Name)).Concat(Bad.Select(b => storage.Url(b.Fault, b.Name))).ToArray();
        var reports = new List<WorkProgress>();

        using var fetcher = new UrlFetcher(Options(folder, new SasToken(Token)));
        using var watching = new CancellationTokenSource();
        var seen = WatchFinalNames(folder, watching.Token);
        var summary = await fetcher.FetchAsync(urls, new SynchronousProgress<WorkProgress>(reports.Add), TestContext.Current.CancellationToken);
        await watching.CancelAsync();

        // Whatever was read under a final name while the run went on was already the whole, verified file.
        var observed = await seen;
        Assert.NotEmpty(observed);
        Assert.All(observed, seenFile => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, seenFile.Name)))), seenFile.Sha256));

        Assert.Equal((Good.Length, 0, Bad.Length), (summary.Done, summary.Skipped, summary.Failed));
        foreach (var (fault, name) in Good)
        {
            var result = summary.Results.Single(r => r.Url == storage.Url(fault, name).OriginalString);
            var expected = FaultyStorage.Content($"{fault}/{name}");
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(folder, result.File)));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), result.Sha256);
            Assert.Equal(fault switch { "md5" or "etag" => "length+md5", "chunked" => "none", _ => "length" }, result.VerifiedBy);
        }

        foreach (var (fault, name, reason) in Bad)
        {
            var result = summary.Results.Single(r => r.Url == storage.Url(fault, name).OriginalString);
            Assert.Equal(FetchStatus.Failed, result.Status);
            Assert.Contains(reason, result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, result.File)), $"{result.File} exists though it failed");
        }

        // Only verified files carry a final name; the same name under two paths was told apart.
        var finals = Directory.GetFiles(folder).Select(file => Path.GetFileName(file)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([.. summary.Results.Where(r => r.Status == FetchStatus.Done).Select(r => r.File).Append(FetchManifest.FileName).Order(StringComparer.Ordinal)], finals);
        Assert.Contains("a-2.dat", finals);

        // A 500 and a 429 (after its Retry-After) were retried on the same request: one failure, one success.
        Assert.Equal(2, storage.RequestsFor("500", "h.dat").Count);
        Assert.Equal(2, storage.RequestsFor("429", "i.dat").Count);
        Assert.Equal(4, storage.RequestsFor("always500", "k.dat").Count);
        Assert.Equal(urls.Length, reports[^1].Completed);
        Assert.Equal(urls.Length, reports[^1].Total);
    }

    [Fact]
    public async Task A_server_asking_to_wait_an_hour_is_retried_after_the_longest_backoff()
    {
        await using var storage = await FaultyStorage.StartAsync();
        using var fetcher = new UrlFetcher(Options(TestData.TempFolder()));

        // Honoured as given, the Retry-After would outlast this limit by an hour.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        var summary = await fetcher.FetchAsync([storage.Url("429hour", "p.dat")], cancellationToken: limit.Token);

        Assert.Equal(1, summary.Done);
        Assert.Equal(2, storage.RequestsFor("429hour", "p.dat").Count);
    }

    [Fact]
    public async Task The_token_reaches_the_server_in_the_query_but_never_the_manifest_or_a_message()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var withQuery = new Uri(storage.Url("ok", "q.dat") + "?v=1&name=a%20b#part");
        using var fetcher = new UrlFetcher(Options(folder, new SasToken(Token)));

        var summary = await fetcher.FetchAsync([withQuery, storage.Url("ok", "p.dat"), storage.Url("always500", "x.dat"), storage.Url("stall", "y.dat")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Done);
        Assert.All(storage.Requests, request => Assert.EndsWith("sv=2026-01-01&sr=b&sig=" + Signature, request.Query, StringComparison.Ordinal));
        Assert.Equal("?v=1&name=a%20b&sv=2026-01-01&sr=b&sig=" + Signature, storage.RequestsFor("ok", "q.dat")[0].Query);
        Assert.Equal("?sv=2026-01-01&sr=b&sig=" + Signature, storage.RequestsFor("ok", "p.dat")[0].Query);
        var manifest = File.ReadAllText(summary.ManifestPath);
        Assert.DoesNotContain("sig=", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, manifest, StringComparison.Ordinal);
        Assert.Contains(withQuery.OriginalString, manifest, StringComparison.Ordinal);
        Assert.All(summary.Results, result => Assert.DoesNotContain("sig=", result.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_requests_nothing_for_finished_files_and_retries_the_failed_ones()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        Uri[] urls = [storage.Url("ok", "a.dat"), storage.Url("md5", "b.dat"), storage.Url("missing", "c.dat")];
        using (var first = new UrlFetcher(Options(folder)))
        {
            Assert.Equal(2, (await first.FetchAsync(urls, cancellationToken: TestContext.Current.CancellationToken)).Done);
        }

        var before = storage.Requests.Count;
        using var second = new UrlFetcher(Options(folder));
        var rerun = await second.FetchAsync(urls, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((0, 2, 1), (rerun.Done, rerun.Skipped, rerun.Failed));
        Assert.All(storage.Requests.Skip(before), request => Assert.Equal("missing/c.dat", request.Key));
        Assert.Equal(FaultyStorage.Content("md5/b.dat"), File.ReadAllBytes(Path.Combine(folder, "b.dat")));
        Assert.Equal(3, File.ReadAllLines(rerun.ManifestPath).Length);
        Assert.False(Directory.Exists(Path.Combine(folder, UrlFetcher.PartialFolder)), "nothing is left to resume");
    }

    [Fact]
    public async Task A_broken_off_body_resumes_with_a_range_request()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        using var fetcher = new UrlFetcher(Options(folder));

        var summary = await fetcher.FetchAsync([storage.Url("truncate", "t.dat"), storage.Url("slow", "s.dat"), storage.Url("drop-norange", "n.dat")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, summary.Done);
        foreach (var key in new[] { "truncate/t.dat", "slow/s.dat" })
        {
            var half = FaultyStorage.Content(key).Length / 2;
            Assert.Equal(["", $"bytes={half}-"], storage.Requests.Where(r => r.Key == key).Select(r => r.Range));
        }

        // A server that ignores Range answers 200 with the whole file, which replaces the partial one.
        Assert.Equal(FaultyStorage.Content("drop-norange/n.dat"), File.ReadAllBytes(Path.Combine(folder, "n.dat")));
    }

    [Fact]
    public async Task A_206_of_another_range_or_a_416_starts_the_file_again()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var whole = FaultyStorage.Content("ok/full.dat");
        Directory.CreateDirectory(Path.Combine(folder, UrlFetcher.PartialFolder));
        File.WriteAllBytes(Path.Combine(folder, UrlFetcher.PartialFolder, "full.dat.part"), [.. whole, 1, 2, 3]);
        using var fetcher = new UrlFetcher(Options(folder));

        var summary = await fetcher.FetchAsync([storage.Url("wrongrange", "w.dat"), storage.Url("ok", "full.dat")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Done);
        var half = FaultyStorage.Content("wrongrange/w.dat").Length / 2;
        Assert.Equal(["", $"bytes={half}-", ""], storage.RequestsFor("wrongrange", "w.dat").Select(r => r.Range));
        Assert.Equal([$"bytes={whole.Length + 3}-", ""], storage.RequestsFor("ok", "full.dat").Select(r => r.Range));
        Assert.Equal(FaultyStorage.Content("wrongrange/w.dat"), File.ReadAllBytes(Path.Combine(folder, "w.dat")));
        Assert.Equal(whole, File.ReadAllBytes(Path.Combine(folder, "full.dat")));
    }

    [Fact]
    public async Task A_partial_file_from_a_file_that_changed_since_is_not_resumed()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var partial = Path.Combine(folder, UrlFetcher.PartialFolder, "c.dat.part");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        File.WriteAllBytes(partial, new byte[1000]);
        File.WriteAllText(partial + ".json", """{"ETag":"\"old-version\"","Md5":null}""");
        using var fetcher = new UrlFetcher(Options(folder));

        var summary = await fetcher.FetchAsync([storage.Url("ok", "c.dat")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Done);
        Assert.Equal(("bytes=1000-", "\"old-version\""), (storage.RequestsFor("ok", "c.dat")[0].Range, storage.RequestsFor("ok", "c.dat")[0].IfRange));
        Assert.Equal(FaultyStorage.Content("ok/c.dat"), File.ReadAllBytes(Path.Combine(folder, "c.dat")));
        Assert.False(Directory.Exists(Path.GetDirectoryName(partial)));
    }

    [Fact]
    public async Task Many_urls_arrive_whole_with_no_more_requests_at_once_than_the_concurrency()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        // Healthy responses only: a connection dropped on a fault may still be open on the server's side for a moment
        // while its retry runs, which would blur what this counts.
        var urls = Enumerable.Range(0, 40).Select(i => storage.Url("ok", $"r{i}.dat")).ToArray();
        using var fetcher = new UrlFetcher(Options(folder, concurrency: 3));

        var summary = await fetcher.FetchAsync(urls, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(40, summary.Done);
        Assert.InRange(storage.MaxInFlight, 1, 3);
        Assert.All(summary.Results, result => Assert.Equal(FaultyStorage.Content(new Uri(result.Url).AbsolutePath.TrimStart('/')), File.ReadAllBytes(Path.Combine(folder, result.File))));
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_file_under_its_final_name_and_the_next_run_resumes_it()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var url = storage.Url("slow", "r.dat");
        var half = FaultyStorage.Content("slow/r.dat").Length / 2;
        var partial = Path.Combine(folder, UrlFetcher.PartialFolder, "r.dat.part");
        using var cancel = new CancellationTokenSource();
        using (var fetcher = new UrlFetcher(new FetchOptions { OutputDirectory = folder, ReadTimeout = TimeSpan.FromMinutes(5) }))
        {
            var run = fetcher.FetchAsync([url], cancellationToken: cancel.Token);
            await storage.Stalled.Task.WaitAsync(TestContext.Current.CancellationToken);
            await WaitUntil(() => File.Exists(partial) && new FileInfo(partial).Length == half);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        Assert.False(File.Exists(Path.Combine(folder, "r.dat")));
        Assert.Equal(half, new FileInfo(partial).Length);
        Assert.True(File.Exists(partial + ".json"));

        using var again = new UrlFetcher(Options(folder));
        var summary = await again.FetchAsync([url], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.Done);
        // The ETag saved beside the partial file makes the resume conditional on the file being unchanged.
        Assert.Equal(($"bytes={half}-", $"\"v1-{2 * half}\""), (storage.RequestsFor("slow", "r.dat")[^1].Range, storage.RequestsFor("slow", "r.dat")[^1].IfRange));
        Assert.Equal(FaultyStorage.Content("slow/r.dat"), File.ReadAllBytes(Path.Combine(folder, "r.dat")));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task A_path_that_climbs_out_of_the_folder_still_lands_inside_it()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var root = TestData.TempFolder();
        var folder = Path.Combine(root, "out");
        using var fetcher = new UrlFetcher(Options(folder));

        var summary = await fetcher.FetchAsync([new Uri(storage.BaseUrl, "ok/..%2F..%2Fescape.dat"), new Uri(storage.BaseUrl, "ok/a/..%5C..%5Cwindows.dat")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(summary.Done == 2, string.Join("; ", summary.Results));
        Assert.Equal([folder], Directory.GetFileSystemEntries(root));
        Assert.All(summary.Results, result => Assert.True(File.Exists(Path.Combine(folder, result.File)) && !result.File.Contains('/', StringComparison.Ordinal), result.File));
    }

    [Fact]
    public async Task Headers_that_never_come_time_out_and_no_retries_means_one_request()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var options = Options(folder);
        using var fetcher = new UrlFetcher(new FetchOptions
        {
            OutputDirectory = folder,
            MaxRetries = 0,
            ResponseTimeout = TimeSpan.FromSeconds(2),
            ReadTimeout = options.ReadTimeout,
        });

        var summary = await fetcher.FetchAsync([storage.Url("noheaders", "a.dat"), storage.Url("500", "b.dat")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["no response headers within 2 s", "HTTP 500 Internal Server Error"], summary.Results.Select(r => r.Error));
        Assert.Single(storage.RequestsFor("500", "b.dat"));
    }

    /// <summary>Tiny delays and timeouts, so faults cost milliseconds; nothing here is asserted about timing.</summary>
    private static FetchOptions Options(string folder, SasToken? token = null, int concurrency = 4) => new()
    {
        OutputDirectory = folder,
        Concurrency = concurrency,
        Token = token,
        MaxRetries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        ResponseTimeout = TimeSpan.FromSeconds(20),
        ReadTimeout = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// Reads every file under a final name in <paramref name="folder"/>, again and again until cancelled, and returns
    /// each distinct (name, SHA-256) seen.
    /// </summary>
    private static Task<HashSet<(string Name, string Sha256)>> WatchFinalNames(string folder, CancellationToken stop) => Task.Run(async () =>
    {
        var seen = new HashSet<(string, string)>();
        while (!stop.IsCancellationRequested)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                // The manifest (and the temporary it is compacted through) is rewritten in place; the rest are data files.
                if (!Path.GetFileName(file).StartsWith(FetchManifest.FileName, StringComparison.Ordinal))
                {
                    seen.Add((Path.GetFileName(file), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))));
                }
            }

            await Task.Delay(5, CancellationToken.None);
        }

        return seen;
    });

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 20_000, "the condition did not come true within 20 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
