using EcgScope.Bulk.Batch;
using EcgScope.Testing;

namespace EcgScope.Cluster.Tests;

/// <summary>The default, one process: a silo of its own with everything in memory.</summary>
[Collection(nameof(TestClusters))]
public sealed class LocalClusterTests
{
    [Fact]
    public async Task A_silo_in_this_process_runs_a_batch_and_a_rerun_has_nothing_left_to_do()
    {
        string[] models = ["rhythm-cnn"];
        var records = Enumerable.Range(0, 12)
            .Select(i => new RecordSource($"/nowhere/r{i:D2}.hea", $"r{i:D2}.hea", 500 + i, new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc)))
            .ToList();
        var input = new BatchInput("/nowhere", records, []);
        var resultsPath = Path.Combine(TestData.TempFolder(), "results.csv");
        var work = new CountingWork(new SlowFakeWork(TimeSpan.FromMilliseconds(20)));
        await using var connection = await ClusterConnection.StartLocalAsync(work.On("local"), cancellationToken: TestContext.Current.CancellationToken);

        using (var results = BatchResultsFile.Open(resultsPath, models))
        {
            var first = await ClusterBatch.RunAsync(connection.Grains, input, results, models, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(12, first.Analysed);
        }

        using (var results = BatchResultsFile.Open(resultsPath, models))
        {
            var rerun = await ClusterBatch.RunAsync(connection.Grains, input, results, models, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(0, rerun.Analysed);
            Assert.Equal(12, rerun.AlreadyDone);
        }

        Assert.Equal(records.Select(r => r.Name), BatchFiles.ReadRows(resultsPath).Select(row => row[0]));
        Assert.All(records, record => Assert.Equal(1, work.Runs[record.Name]));
    }
}
