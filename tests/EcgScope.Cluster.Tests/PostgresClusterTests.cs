using System.Diagnostics;
using System.Text.RegularExpressions;
using EcgScope.Bulk.Batch;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Testing;
using Npgsql;

namespace EcgScope.Cluster.Tests;

/// <summary>
/// Two <c>ecgscope-silo</c> processes on loopback and a client, with membership, batch state and reminders in a
/// private PostgreSQL server: a batch of real records ends with the local analyser's rows, once each, the work spread
/// over both silos, and the coordinator's state stored in the database; and so it does when the silo that holds the
/// batch's coordinator is killed in the middle.
/// </summary>
[Collection(nameof(TestClusters))]
public sealed partial class PostgresClusterTests
{
    private static readonly string[] Models = ["rhythm-cnn"];

    [Fact]
    public async Task Two_silo_processes_on_PostgreSQL_analyse_a_batch_once_per_record()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var input = BatchInput.FromFolder(BatchFiles.CopyCincRecords(40), EcgFile.BuiltIn);
        await using var postgres = await LocalPostgres.StartAsync();
        await PostgresSchema.ApplyAsync(postgres.ConnectionString, cancellation);
        await PostgresSchema.ApplyAsync(postgres.ConnectionString, cancellation); // a second time changes nothing
        const string clusterId = "test";
        using var first = SiloProcess.Start(postgres.ConnectionString, clusterId);
        using var second = SiloProcess.Start(postgres.ConnectionString, clusterId);
        await WaitForActiveSilosAsync(postgres.ConnectionString, clusterId, 2, [first, second], cancellation);

        var resultsPath = Path.Combine(TestData.TempFolder(), "results.csv");
        await using (var connection = await ClusterConnection.ConnectAsync(postgres.ConnectionString, clusterId, cancellation))
        {
            using var results = BatchResultsFile.Open(resultsPath, Models);
            var summary = await ClusterBatch.RunAsync(connection.Grains, input, results, Models, cancellationToken: cancellation)
                .WaitAsync(TimeSpan.FromMinutes(5), cancellation);
            Assert.Equal(40, summary.Analysed);
        }

        Assert.Equal(BatchFiles.LocalRows(input, Models), BatchFiles.ReadRows(resultsPath).Select(BatchFiles.WithoutTime));
        var analysed = new[] { await first.StopAsync(cancellation), await second.StopAsync(cancellation) }.Select(RecordsAnalysed).ToList();
        Assert.All(analysed, count => Assert.True(count > 0, "a silo analysed no record"));
        Assert.True(analysed.Sum() >= 40);
        Assert.True(
            await ScalarAsync(postgres.ConnectionString, "SELECT count(*) FROM OrleansStorage WHERE Version > 1") >= 1,
            "no grain state (the coordinator's is the only one) was written to PostgreSQL twice");
    }

    [Fact]
    public async Task A_batch_survives_killing_the_silo_process_that_holds_its_coordinator()
    {
        const int killAfterRows = 30;
        var cancellation = TestContext.Current.CancellationToken;
        var input = BatchInput.FromFolder(BatchFiles.CopyCincRecords(150), EcgFile.BuiltIn);
        await using var postgres = await LocalPostgres.StartAsync();
        const string clusterId = "kill";
        using var first = SiloProcess.Start(postgres.ConnectionString, clusterId);
        using var second = SiloProcess.Start(postgres.ConnectionString, clusterId);
        await WaitForActiveSilosAsync(postgres.ConnectionString, clusterId, 2, [first, second], cancellation);

        var resultsPath = Path.Combine(TestData.TempFolder(), "results.csv");
        SiloProcess survivor;
        var clock = Stopwatch.StartNew();
        var rowTimes = new List<TimeSpan>();
        await using (var connection = await ClusterConnection.ConnectAsync(postgres.ConnectionString, clusterId, cancellation))
        {
            // A poll activates the coordinator (an empty batch: nothing changes), so its silo is known before the batch starts.
            var coordinator = connection.Grains.GetGrain<Grains.IBatchCoordinatorGrain>(ClusterBatch.BatchId(resultsPath));
            await coordinator.PollAsync(0);
            var coordinatorSilo = await connection.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(coordinator, cancellation);
            Assert.NotNull(coordinatorSilo);
            var victim = coordinatorSilo.Endpoint.Port == first.SiloPort ? first : second;
            survivor = victim == first ? second : first;

            // Killed right after the client wrote rows, without a goodbye: the rows the last poll handed out must
            // already be stored, or the coordinator reactivated on the survivor would not know them.
            var progress = new SynchronousProgress<BatchProgress>(p =>
            {
                rowTimes.Add(clock.Elapsed);
                if (p.Completed == killAfterRows)
                {
                    victim.Kill();
                }
            });
            using var results = BatchResultsFile.Open(resultsPath, Models);
            var summary = await ClusterBatch.RunAsync(connection.Grains, input, results, Models, progress: progress, cancellationToken: cancellation)
                .WaitAsync(TimeSpan.FromMinutes(5), cancellation);
            Assert.Equal(150, summary.Analysed);
        }

        Assert.Equal(BatchFiles.LocalRows(input, Models), BatchFiles.ReadRows(resultsPath).Select(BatchFiles.WithoutTime));
        Assert.True(RecordsAnalysed(await survivor.StopAsync(cancellation)) > 0, "the surviving silo analysed no record");
        var afterKill = rowTimes.Skip(killAfterRows - 1).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"longest wait for a row after the kill: {afterKill.Zip(afterKill.Skip(1), (a, b) => b - a).Max().TotalSeconds:F1} s; whole batch {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task WaitForActiveSilosAsync(string connectionString, string clusterId, int count, SiloProcess[] silos, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(2); waited += TimeSpan.FromMilliseconds(500))
        {
            if (await TableExistsAsync(connectionString)
                && await ScalarAsync(connectionString, $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 3") == count)
            {
                return;
            }

            await Task.Delay(500, cancellationToken);
        }

        Assert.Fail($"the silos did not join:\n{string.Join("\n---\n", silos.Select(silo => silo.Output))}");
    }

    private static async Task<bool> TableExistsAsync(string connectionString) =>
        await ScalarAsync(connectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'orleansmembershiptable'") == 1;

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int RecordsAnalysed(string output) =>
        AnalysedLine().Match(output) is { Success: true } match ? int.Parse(match.Groups[1].Value) : throw new InvalidOperationException($"no count in:\n{output}");

    [GeneratedRegex(@"records analysed: (\d+)")]
    private static partial Regex AnalysedLine();
}
