using EcgScope.Bulk.Batch;
using EcgScope.Bulk.Fetching;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Testing;

namespace EcgScope.Bulk.Tests.Batch;

public sealed class BatchRunnerTests : IDisposable
{
    private const string Model = "rhythm-cnn";

    private readonly ModelRegistry registry = new(ModelRegistry.DefaultDirectory);

    public void Dispose() => registry.Dispose();

    [Fact]
    public async Task A_folder_of_real_records_gives_one_row_per_record_with_the_readers_error_where_one_is_broken()
    {
        var folder = BatchFolder.Create();
        var results = Path.Combine(folder, "results.csv");

        var (summary, _) = await RunAsync(folder, results);

        var rows = Rows(results);
        Assert.Equal(BatchFolder.Records, rows.Select(row => row["file"]));
        Assert.Equal(BatchFolder.NotEcgs, summary.Unsupported.Select(file => file.Name));
        Assert.Equal((6, 6, 0, 2, false), (summary.Records, summary.Analysed, summary.AlreadyDone, summary.Failed, summary.Cancelled));
        foreach (var (record, error) in BatchFolder.Broken)
        {
            var row = rows.Single(r => r["file"] == record);
            Assert.Contains(error, row["error"], StringComparison.Ordinal);
            Assert.Equal("", row["heartRateBpm"]);
        }

        foreach (var row in rows.Where(r => !BatchFolder.Broken.Any(b => b.Record == r["file"])))
        {
            Assert.Equal("", row["error"]);
            Assert.InRange(double.Parse(row["heartRateBpm"], System.Globalization.CultureInfo.InvariantCulture), 40, 150);
            Assert.NotEqual("", row["sdnnMs"]);
            Assert.Contains(row["qualityVerdict"], new[] { "excellent", "acceptable", "unacceptable" });
            Assert.NotEqual("", row[$"{Model}.verdict"]);
        }

        var cinc = rows.Single(r => r["file"] == "cinc/A00001.hea");
        Assert.Equal(("300", "30", "1"), (cinc["samplingRateHz"], cinc["durationSeconds"], cinc["leads"]));
        Assert.InRange(double.Parse(cinc[$"{Model}.topProbability"], System.Globalization.CultureInfo.InvariantCulture), 0.25, 1);
        Assert.Equal(("2", "MLII"), (rows.Single(r => r["file"] == "mitdb/mitdb-100-60s.hea")["leads"], rows.Single(r => r["file"] == "mitdb/mitdb-100-60s.hea")["measuredLead"]));
    }

    [Fact]
    public async Task Progress_is_reported_after_every_record_with_the_rate_the_time_left_and_the_failures()
    {
        var folder = BatchFolder.Create();
        var reports = new List<BatchProgress>();

        await RunAsync(folder, Path.Combine(folder, "results.csv"), progress: new EcgScope.Core.SynchronousProgress<BatchProgress>(report =>
        {
            lock (reports)
            {
                reports.Add(report);
            }
        }));

        Assert.Equal(Enumerable.Range(1, 6), reports.Select(report => report.Completed).Order());
        Assert.All(reports, report => Assert.Equal(6, report.Total));
        Assert.All(reports, report => Assert.True(report.RecordsPerSecond > 0));
        var last = reports.MaxBy(report => report.Completed);
        Assert.Equal((2, TimeSpan.Zero), (last.Failed, last.Remaining));
        Assert.Equal(BatchFolder.Records, reports.Select(report => report.LastRecord).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hidden_files_the_results_file_and_a_records_other_files_are_not_records()
    {
        var folder = BatchFolder.Create();
        var hidden = Directory.CreateDirectory(Path.Combine(folder, ".partial")).FullName;
        File.Copy(Path.Combine(folder, "mitdb", "mitdb-100-60s.hea"), Path.Combine(hidden, "copy.hea"));
        File.Copy(Path.Combine(folder, "mitdb", "mitdb-100-60s.dat"), Path.Combine(hidden, "copy.dat"));
        File.WriteAllText(Path.Combine(folder, ".notes.csv"), "time,ecg\n0,0.1\n");
        var results = Path.Combine(folder, "results.csv");
        File.WriteAllText(results, "time,ecg\n0,0.1\n");

        var input = BatchInput.FromFolder(folder, EcgFile.BuiltIn, [results]);

        Assert.Equal(BatchFolder.Records, input.Records.Select(record => record.Name));
        var sample = input.Records.Single(record => record.Name == "mitdb/mitdb-100-60s.hea");
        var parts = new[] { ".hea", ".dat", ".atr" }.Select(extension => new FileInfo(Path.Combine(folder, "mitdb", "mitdb-100-60s" + extension))).ToList();
        Assert.Equal(parts.Sum(part => part.Length), sample.Bytes);
        Assert.Equal(parts.Max(part => part.LastWriteTimeUtc), sample.LastWriteUtc);
    }

    [Fact]
    public async Task A_rerun_does_no_work_twice_and_a_changed_record_is_analysed_again_into_its_one_row()
    {
        var folder = BatchFolder.Create();
        var results = Path.Combine(folder, "results.csv");
        var (_, first) = await RunAsync(folder, results);

        var (summary, second) = await RunAsync(folder, results);
        Assert.Equal(6, first.Count);
        Assert.Empty(second);
        Assert.Equal((0, 6, 2), (summary.Analysed, summary.AlreadyDone, summary.Failed));

        File.SetLastWriteTimeUtc(Path.Combine(folder, "cinc", "A00002.mat"), DateTime.UtcNow.AddMinutes(1));
        var (_, third) = await RunAsync(folder, results);
        Assert.Equal(["cinc/A00002.hea"], third);
        Assert.Equal(BatchFolder.Records, Rows(results).Select(row => row["file"]));
    }

    [Fact]
    public async Task A_run_cancelled_midway_leaves_a_valid_file_and_the_rerun_analyses_every_other_record_exactly_once()
    {
        var folder = BatchFolder.Create();
        var results = Path.Combine(folder, "results.csv");
        using var cancellation = new CancellationTokenSource();
        var analysed = 0;

        var (stopped, first) = await RunAsync(folder, results, parallelism: 1, afterEach: () =>
        {
            if (++analysed == 2)
            {
                cancellation.Cancel();
            }
        }, cancellation);

        Assert.True(stopped.Cancelled);
        Assert.Equal(2, first.Count);
        Assert.Equal(first.Order(StringComparer.Ordinal), Rows(results).Select(row => row["file"]).Order(StringComparer.Ordinal));
        var (resumed, second) = await RunAsync(folder, results);
        Assert.False(resumed.Cancelled);
        Assert.Equal(BatchFolder.Records, first.Concat(second).Order(StringComparer.Ordinal));
        Assert.Equal(BatchFolder.Records, Rows(results).Select(row => row["file"]));
    }

    [Fact]
    public async Task A_row_cut_short_by_a_crash_is_dropped_and_its_record_analysed_again_once()
    {
        var folder = BatchFolder.Create();
        var results = Path.Combine(folder, "results.csv");
        await RunAsync(folder, results);
        var text = File.ReadAllText(results);
        var lastRow = text.LastIndexOf('\n', text.Length - 2) + 1;
        File.WriteAllText(results, text[..(lastRow + 25)]); // the write of the last row broke off after 25 characters

        var (summary, rerun) = await RunAsync(folder, results);

        Assert.Equal([BatchFolder.Records[^1]], rerun);
        Assert.Equal(1, summary.IgnoredLines);
        Assert.Equal(BatchFolder.Records, Rows(results).Select(row => row["file"]));
        Assert.Equal(text.Split('\n')[..^2], File.ReadAllText(results).Split('\n')[..^2]); // the other rows as they were
    }

    [Fact]
    public async Task A_fetch_manifest_gives_the_records_among_its_complete_files()
    {
        var folder = BatchFolder.Create();
        var cinc = Path.Combine(folder, "cinc");
        var manifest = FetchManifest.Open(cinc);
        foreach (var file in new[] { "A00001.hea", "A00001.mat", "A00003.hea", "A00003.mat", "RECORDS" })
        {
            manifest.Record(new FetchResult($"https://storage.example/{file}", file, new FileInfo(Path.Combine(cinc, file)).Length, "00", FetchStatus.Done, null, "length"));
        }

        manifest.Record(FetchResult.Failed("https://storage.example/A00002.hea", "A00002.hea", "HTTP 404 Not Found"));

        var input = BatchInput.FromManifest(manifest.Path, EcgFile.BuiltIn);

        Assert.Equal(["A00001.hea", "A00003.hea"], input.Records.Select(record => record.Name));
        Assert.Equal(["RECORDS"], input.Unsupported.Select(file => file.Name));
        var results = Path.Combine(folder, "manifest-results.csv");
        using (var file = BatchResultsFile.Open(results, []))
        {
            var summary = await new BatchRunner(Analyzer([]).Analyze).RunAsync(input, file, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal((2, 0), (summary.Analysed, summary.Failed));
        }

        Assert.Equal(["A00001.hea", "A00003.hea"], Rows(results).Select(row => row["file"]));
    }

    [Fact]
    public async Task Records_behind_a_faulty_server_end_as_verified_files_and_the_same_rows_as_the_originals_and_a_rerun_does_nothing()
    {
        var originals = Path.Combine(BatchFolder.Create(), "cinc");
        await using var storage = await FaultyStorage.StartAsync(originals);
        (string Fault, string File)[] served =
            [("drop", "A00001.hea"), ("500", "A00001.mat"), ("md5", "A00002.hea"), ("truncate", "A00002.mat"), ("429", "A00003.hea"), ("drop-norange", "A00003.mat")];
        var urls = served.Select(file => storage.Url(file.Fault, file.File)).ToArray();
        var fetched = TestData.TempFolder();
        var fetchOptions = new FetchOptions { OutputDirectory = fetched, MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };
        var results = Path.Combine(TestData.TempFolder(), "results.csv");

        var (fetch, batch, analysed) = await FetchThenBatchAsync(urls, fetchOptions, results);
        var (refetch, rebatch, reanalysed) = await FetchThenBatchAsync(urls, fetchOptions, results);

        Assert.Equal((6, 0), (fetch.Done, fetch.Failed));
        Assert.Equal((3, 0), (batch.Analysed, batch.Failed));
        Assert.Equal(["A00001.hea", "A00002.hea", "A00003.hea"], analysed.Order(StringComparer.Ordinal));
        var direct = Path.Combine(TestData.TempFolder(), "direct.csv");
        await RunAsync(originals, direct);
        string[] measured = ["heartRateBpm", "sdnnMs", "rmssdMs", "qualityVerdict", $"{Model}.verdict", $"{Model}.topProbability"];
        Assert.Equal(
            Rows(direct).Where(row => row["error"].Length == 0).Select(row => measured.Select(column => row[column])),
            Rows(results).Select(row => measured.Select(column => row[column])));
        Assert.Equal((0, 6), (refetch.Done, refetch.Skipped));
        Assert.Equal((0, 3), (rebatch.Analysed, rebatch.AlreadyDone));
        Assert.Empty(reanalysed);
    }

    [Fact]
    public void Results_for_other_models_or_a_file_that_is_not_a_results_file_are_refused_and_left_as_they_were()
    {
        var folder = TestData.TempFolder();
        var results = Path.Combine(folder, "results.csv");
        BatchResultsFile.Open(results, [Model]).Dispose();
        var notes = Path.Combine(folder, "notes.txt");
        File.WriteAllText(notes, "my notes\nstill typing");

        var otherModels = Assert.Throws<InvalidDataException>(() => BatchResultsFile.Open(results, []));
        var notResults = Assert.Throws<InvalidDataException>(() => BatchResultsFile.Open(notes, []));

        Assert.Contains($"holds the verdicts of {Model}, this run asks for no model", otherModels.Message, StringComparison.Ordinal);
        Assert.Contains("not a batch results file", notResults.Message, StringComparison.Ordinal);
        Assert.Equal("my notes\nstill typing", File.ReadAllText(notes));
    }

    [Fact]
    public void Seeded_damage_to_a_results_file_never_breaks_resuming_and_never_counts_a_row_whose_identity_was_damaged_as_done()
    {
        var folder = TestData.TempFolder();
        var path = Path.Combine(folder, "results.csv");
        var sources = Enumerable.Range(1, 4).Select(i => new RecordSource($"/data/r{i}.hea", $"r{i}.hea", 1000 + i, new DateTime(2026, 1, i, 0, 0, 0, DateTimeKind.Utc))).ToList();
        using (var file = BatchResultsFile.Open(path, []))
        {
            foreach (var source in sources)
            {
                file.Append(BatchRow.Failed(source, $"bad, \"quoted\"\nerror {source.Name}", 1.5));
            }
        }

        var original = File.ReadAllText(path);
        var header = original[..(original.IndexOf('\n', StringComparison.Ordinal) + 1)];
        var random = new Random(1302);
        const string Alphabet = ",\"\r\n0123456789-:TZ.abcr/ é";
        for (var i = 0; i < 500; i++)
        {
            var mutant = original.ToCharArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutant[random.Next(header.Length, mutant.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            var damaged = new string(mutant)[..random.Next(header.Length, mutant.Length + 1)];
            File.WriteAllText(path, damaged);
            using var file = BatchResultsFile.Open(path, []);

            foreach (var source in sources.Where(file.IsDone))
            {
                Assert.Contains($"\n{source.Name},{source.Bytes},{BatchCsv.FormatTime(source.LastWriteUtc)},", damaged, StringComparison.Ordinal);
            }

            file.Compact();
            Assert.All(File.ReadAllLines(path), line => Assert.Equal(BatchCsv.Columns([]).Count, BatchCsv.Fields(line)?.Count));
        }
    }

    private RecordAnalyzer Analyzer(IReadOnlyList<string> models) =>
        new(EcgFile.BuiltIn, registry, models.Select(registry.Card));

    /// <summary>A fetch of <paramref name="urls"/> and a batch of its manifest into <paramref name="results"/>.</summary>
    private async Task<(FetchSummary Fetch, BatchSummary Batch, List<string> Analysed)> FetchThenBatchAsync(Uri[] urls, FetchOptions options, string results)
    {
        using var fetcher = new UrlFetcher(options);
        var fetch = await fetcher.FetchAsync(urls, cancellationToken: TestContext.Current.CancellationToken);
        var (batch, analysed) = await RunAsync(BatchInput.FromManifest(fetch.ManifestPath, EcgFile.BuiltIn), results);
        return (fetch, batch, analysed);
    }

    /// <summary>A batch of <paramref name="folder"/> into <paramref name="results"/>, and the records analysed, in order of analysis.</summary>
    private Task<(BatchSummary Summary, List<string> Analysed)> RunAsync(
        string folder, string results, int parallelism = 2, Action? afterEach = null, CancellationTokenSource? cancellation = null, IProgress<BatchProgress>? progress = null) =>
        RunAsync(BatchInput.FromFolder(folder, EcgFile.BuiltIn, [results]), results, parallelism, afterEach, cancellation, progress);

    private async Task<(BatchSummary Summary, List<string> Analysed)> RunAsync(
        BatchInput input, string results, int parallelism = 2, Action? afterEach = null, CancellationTokenSource? cancellation = null, IProgress<BatchProgress>? progress = null)
    {
        var analyzer = Analyzer([Model]);
        var analysed = new List<string>();
        using var file = BatchResultsFile.Open(results, analyzer.ModelNames);
        var runner = new BatchRunner(
            (record, token) =>
            {
                var row = analyzer.Analyze(record, token);
                lock (analysed)
                {
                    analysed.Add(record.Name);
                }

                afterEach?.Invoke();
                return row;
            },
            parallelism);
        var summary = await runner.RunAsync(input, file, progress, cancellation?.Token ?? TestContext.Current.CancellationToken);
        return (summary, analysed);
    }

    /// <summary>The rows of a results file, each as column → value; fails on a line that is not a whole row.</summary>
    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var columns = BatchCsv.Fields(lines[0])!;
        return [.. lines.Skip(1).Select(line =>
        {
            var fields = BatchCsv.Fields(line);
            Assert.Equal(columns.Count, fields?.Count);
            return columns.Zip(fields!).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        })];
    }
}
