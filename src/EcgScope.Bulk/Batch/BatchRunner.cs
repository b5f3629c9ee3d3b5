using System.Diagnostics;

namespace EcgScope.Bulk.Batch;

/// <summary>
/// Runs a batch on this machine: every record of the input that the results file does not hold yet goes through the
/// per-record work (<see cref="RecordAnalyzer.Analyze"/>) on up to <see cref="Parallelism"/> threads, and each row is
/// appended as it finishes, so rows come in the order records finish. When every record is done the file is rewritten
/// ordered by name (<see cref="BatchResultsFile.Compact"/>); a cancelled run leaves it in finishing order, whole, and a
/// rerun picks up where it stopped.
/// </summary>
/// <param name="analyze">The per-record work: a record in, its row out; it must not throw but for cancellation.</param>
/// <param name="parallelism">Records analysed at once, at least 1; default <see cref="Environment.ProcessorCount"/>.</param>
public sealed class BatchRunner(Func<RecordSource, CancellationToken, BatchRow> analyze, int? parallelism = null)
{
    /// <summary>Records analysed at once.</summary>
    public int Parallelism { get; } = parallelism is { } count
        ? count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(parallelism), count, "At least one record at a time.")
        : Environment.ProcessorCount;

    /// <summary>Analyses the records of <paramref name="input"/> not yet in <paramref name="results"/>.</summary>
    /// <param name="input">The records.</param>
    /// <param name="results">Where the rows go; also what was done before.</param>
    /// <param name="progress">Told after each record.</param>
    /// <param name="cancellationToken">Stops the run: no record starts after it, records under way stop at their next
    /// check and leave no row; the summary then says <see cref="BatchSummary.Cancelled"/>.</param>
    public async Task<BatchSummary> RunAsync(
        BatchInput input, BatchResultsFile results, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(results);
        var pending = input.Records.Where(record => !results.IsDone(record)).ToList();
        var tally = new Tally(pending.Count);
        var cancelled = false;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(pending, options, (record, token) =>
            {
                var row = analyze(record, token);
                results.Append(row);
                var counts = tally.Add(row);
                progress?.Report(counts);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        if (!cancelled)
        {
            results.Compact();
        }

        return BatchSummary.Of(input, results, tally.Completed, pending.Count, cancelled, tally.Elapsed, Parallelism);
    }

    /// <summary>The counts of a run, updated from several threads.</summary>
    private sealed class Tally(int total)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Lock gate = new();
        private int failed;

        public int Completed { get; private set; }

        public TimeSpan Elapsed => clock.Elapsed;

        public BatchProgress Add(BatchRow row)
        {
            lock (gate)
            {
                Completed++;
                failed += row.Error is null ? 0 : 1;
                var rate = Completed / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                return new BatchProgress(Completed, total, failed, rate, TimeSpan.FromSeconds((total - Completed) / rate), row.File);
            }
        }
    }
}
