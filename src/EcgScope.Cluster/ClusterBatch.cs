using System.Diagnostics;
using EcgScope.Bulk.Batch;
using EcgScope.Cluster.Grains;

namespace EcgScope.Cluster;

/// <summary>
/// Runs a batch on an Orleans cluster: the records of the input not yet in the results file go to the batch's
/// coordinator grain, which spreads them over the silos; this side writes each record's row to the results file once,
/// however often it ran. The results file and its resume rules are those of the local runner.
/// </summary>
public static class ClusterBatch
{
    /// <summary>How long the coordinator may fail to answer before the run gives up: longer than a silo loss takes to settle.</summary>
    private static readonly TimeSpan UnreachableFor = TimeSpan.FromMinutes(3);

    /// <summary>Analyses the records of <paramref name="input"/> not yet in <paramref name="results"/> on the cluster of <paramref name="client"/>.</summary>
    /// <param name="client">A client of the cluster (or a silo's own grain factory).</param>
    /// <param name="input">The records; their paths must be reachable from every silo.</param>
    /// <param name="results">Where the rows go; also what was done before.</param>
    /// <param name="models">The models each row carries (the results file's columns).</param>
    /// <param name="options">Dispatch and polling; default <see cref="ClusterBatchOptions"/>.</param>
    /// <param name="progress">Told after each row written.</param>
    /// <param name="cancellationToken">Stops waiting: the rows written so far stay, and the batch goes on in the
    /// cluster; a rerun with the same results file picks it up.</param>
    /// <returns>What the run did; <see cref="BatchSummary.Parallelism"/> is the records under way at once over the cluster.</returns>
    public static async Task<BatchSummary> RunAsync(
        IGrainFactory client,
        BatchInput input,
        BatchResultsFile results,
        IReadOnlyList<string> models,
        ClusterBatchOptions? options = null,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(models);
        options ??= new ClusterBatchOptions();
        var clock = Stopwatch.StartNew();
        var pending = input.Records.Where(record => !results.IsDone(record)).ToDictionary(record => record.Name, StringComparer.Ordinal);
        var coordinator = client.GetGrain<IBatchCoordinatorGrain>(BatchId(results.Path));
        var written = new HashSet<string>(StringComparer.Ordinal);
        var failed = 0;
        var cancelled = false;
        try
        {
            var epoch = await Retry(() => coordinator.SubmitAsync([.. models], [.. pending.Values], options.MaxInFlight), cancellationToken).ConfigureAwait(false);
            var seen = 0;
            while (written.Count < pending.Count)
            {
                await Task.Delay(options.PollPeriod, cancellationToken).ConfigureAwait(false);
                var poll = await Retry(() => coordinator.PollAsync(seen), cancellationToken).ConfigureAwait(false);
                if (poll.Epoch != epoch)
                {
                    // The coordinator lost its state with a silo: submit again what has no row here yet.
                    epoch = await Retry(
                        () => coordinator.SubmitAsync([.. models], [.. pending.Values.Where(record => !written.Contains(record.Name))], options.MaxInFlight),
                        cancellationToken).ConfigureAwait(false);
                    seen = 0;
                    continue;
                }

                seen += poll.Rows.Length;
                foreach (var row in poll.Rows.Where(row => pending.ContainsKey(row.File) && written.Add(row.File)))
                {
                    results.Append(row);
                    failed += row.Error is null ? 0 : 1;
                    progress?.Report(Progress(written.Count, pending.Count, failed, clock.Elapsed, row.File));
                }
            }

            await Retry(async () => { await coordinator.ForgetAsync().ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);
            results.Compact();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        return BatchSummary.Of(input, results, written.Count, pending.Count, cancelled, clock.Elapsed, options.MaxInFlight);
    }

    /// <summary>The batch of a results file: a rerun with the same file finds the same coordinator.</summary>
    public static string BatchId(string resultsPath) => "results:" + Path.GetFullPath(resultsPath);

    private static BatchProgress Progress(int completed, int total, int failed, TimeSpan elapsed, string record)
    {
        var rate = completed / Math.Max(elapsed.TotalSeconds, 1e-3);
        return new BatchProgress(completed, total, failed, rate, TimeSpan.FromSeconds((total - completed) / rate), record);
    }

    /// <summary>
    /// Calls the coordinator until it answers: while a silo is lost the call may fail or time out, and a later one
    /// reaches the coordinator on a silo that lives. Errors of the batch itself (other models) are not retried, and
    /// after <see cref="UnreachableFor"/> of failures in a row the last one is thrown: the cluster is gone.
    /// </summary>
    private static async Task<T> Retry<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var failing = Stopwatch.StartNew();
        for (var delay = TimeSpan.FromMilliseconds(200); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception error) when (ClusterFaults.IsClusterFault(error) && failing.Elapsed < UnreachableFor && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
