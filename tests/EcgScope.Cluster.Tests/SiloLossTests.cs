using EcgScope.Bulk.Batch;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Testing;

namespace EcgScope.Cluster.Tests;

/// <summary>
/// A batch on three in-process silos (Orleans TestingHost) that loses one silo, killed without warning, in the middle.
/// What is asserted: every record has exactly one row in the results file, each row is the one the work made for that
/// record, and every record was run at least once. A record may be run twice (its worker's silo died, or the
/// coordinator's, after it ran) but is recorded once.
/// </summary>
[Collection(nameof(TestClusters))]
public sealed class SiloLossTests
{
    private static readonly string[] Models = ["rhythm-cnn"];

    [Fact]
    public async Task A_batch_that_loses_a_silo_records_every_record_exactly_once()
    {
        var records = Enumerable.Range(0, 60)
            .Select(i => new RecordSource($"/nowhere/rec{i:D3}.hea", $"rec{i:D3}.hea", 1000 + i, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc)))
            .ToList();
        var work = new CountingWork(new SlowFakeWork(TimeSpan.FromMilliseconds(150)));
        var cluster = await TestClusters.StartAsync(3, work);
        try
        {
            var resultsPath = Path.Combine(TestData.TempFolder(), "results.csv");
            using var results = BatchResultsFile.Open(resultsPath, Models);
            var someWritten = new TaskCompletionSource();
            var progress = new SynchronousProgress<BatchProgress>(p =>
            {
                if (p.Completed >= 20)
                {
                    someWritten.TrySetResult();
                }
            });
            var options = new ClusterBatchOptions { MaxInFlight = 6, PollPeriod = TimeSpan.FromMilliseconds(100) };
            var input = new BatchInput("/nowhere", records, []);
            var batch = ClusterBatch.RunAsync(cluster.Client, input, results, Models, options, progress, TestContext.Current.CancellationToken);

            await someWritten.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            var lost = cluster.SecondarySilos[0];
            await cluster.KillSiloAsync(lost, TestContext.Current.CancellationToken);
            var summary = await batch.WaitAsync(TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken);

            Assert.False(summary.Cancelled);
            Assert.Equal(records.Count, summary.Analysed);
            var rows = BatchFiles.ReadRows(resultsPath);
            Assert.Equal(records.Select(r => r.Name), rows.Select(row => row[0]));
            Assert.All(records, record => Assert.True(work.Runs.GetValueOrDefault(record.Name) >= 1, $"{record.Name} never ran"));
            Assert.All(rows, row => Assert.Equal("fake", row[3]));
            Assert.Equal(2, cluster.Silos.Count);
            Assert.True(work.RunsBySilo.GetValueOrDefault(lost.Name) > 0, "the lost silo had run no record: the loss proved nothing");
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"runs by silo: {string.Join(", ", work.RunsBySilo.Select(pair => $"{pair.Key}={pair.Value}"))}; records run twice or more: {work.Runs.Count(pair => pair.Value > 1)}");
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_record_whose_work_always_throws_gets_a_row_with_the_error_after_the_last_attempt()
    {
        RecordSource[] records =
        [
            .. Enumerable.Range(0, 5).Select(i => new RecordSource($"/nowhere/rec{i}.hea", $"rec{i}.hea", 100, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc))),
        ];
        var work = new CountingWork(new ThrowingWork("rec3.hea", new SlowFakeWork(TimeSpan.Zero)));
        var cluster = await TestClusters.StartAsync(1, work);
        try
        {
            var coordinator = cluster.Client.GetGrain<Grains.IBatchCoordinatorGrain>("always-throws");
            await coordinator.SubmitAsync(Models, records, maxInFlight: 2);
            Grains.BatchPoll poll;
            do
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
                poll = await coordinator.PollAsync(0);
            }
            while (poll.Pending > 0);

            Assert.Equal(records.Select(r => r.Name).Order(StringComparer.Ordinal), poll.Rows.Select(row => row.File).Order(StringComparer.Ordinal));
            var bad = Assert.Single(poll.Rows, row => row.Error is not null);
            Assert.Equal("rec3.hea", bad.File);
            Assert.Contains("gave up after 5 failed attempts", bad.Error, StringComparison.Ordinal);
            Assert.Contains("this record always fails", bad.Error, StringComparison.Ordinal);
            Assert.Equal(5, work.Runs["rec3.hea"]);
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public void A_silo_without_a_model_the_batch_asks_for_gives_rows_that_say_so()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var work = new RecordAnalyzerWork(EcgFile.BuiltIn, registry);
        var source = new RecordSource(TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), "mitdb-100-60s.hea", 1, DateTime.UnixEpoch);

        var row = work.Analyze(source, ["no-such-model"], TestContext.Current.CancellationToken);

        Assert.Contains("No model called 'no-such-model'", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_records_analysed_on_the_cluster_give_the_rows_of_the_local_analyser()
    {
        var input = BatchInput.FromFolder(BatchFiles.CopyCincRecords(30), EcgFile.BuiltIn);
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var work = new CountingWork(new RecordAnalyzerWork(EcgFile.BuiltIn, registry));
        var cluster = await TestClusters.StartAsync(3, work);
        try
        {
            var resultsPath = Path.Combine(TestData.TempFolder(), "results.csv");
            using var results = BatchResultsFile.Open(resultsPath, Models);
            var summary = await ClusterBatch.RunAsync(cluster.Client, input, results, Models, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(30, input.Records.Count);
            Assert.Equal(30, summary.Analysed);
            Assert.Equal(BatchFiles.LocalRows(input, Models), BatchFiles.ReadRows(resultsPath).Select(BatchFiles.WithoutTime));
            Assert.All(input.Records, record => Assert.Equal(1, work.Runs[record.Name]));
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }
}

/// <summary>The tests that start a cluster run one at a time (<see cref="TestClusters"/> hands the work over statically).</summary>
[CollectionDefinition(nameof(TestClusters), DisableParallelization = true)]
public sealed class TestClusterGroup;
