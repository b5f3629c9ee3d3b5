using System.Collections.Concurrent;
using EcgScope.Bulk.Batch;

namespace EcgScope.Cluster.Tests;

/// <summary>
/// Counts how often each record is run and on which silo, shared by every silo of a test cluster (they live in the
/// test's process); the work itself is <paramref name="inner"/>.
/// </summary>
internal sealed class CountingWork(IRecordWork inner)
{
    private readonly IRecordWork inner = inner;
    private readonly ConcurrentDictionary<string, int> runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> runsBySilo = new(StringComparer.Ordinal);

    /// <summary>Times each record was run, by name.</summary>
    public IReadOnlyDictionary<string, int> Runs => runs;

    /// <summary>Records each silo started, by silo name.</summary>
    public IReadOnlyDictionary<string, int> RunsBySilo => runsBySilo;

    /// <summary>The work of the silo named <paramref name="silo"/>.</summary>
    public IRecordWork On(string silo) => new SiloWork(this, silo);

    private sealed class SiloWork(CountingWork counter, string silo) : IRecordWork
    {
        public BatchRow Analyze(RecordSource source, IReadOnlyList<string> models, CancellationToken cancellationToken)
        {
            counter.runs.AddOrUpdate(source.Name, 1, (_, count) => count + 1);
            counter.runsBySilo.AddOrUpdate(silo, 1, (_, count) => count + 1);
            return counter.inner.Analyze(source, models, cancellationToken);
        }
    }
}

/// <summary>Work that takes a while and makes a row from the record's identity alone: no files needed.</summary>
internal sealed class SlowFakeWork(TimeSpan duration) : IRecordWork
{
    public BatchRow Analyze(RecordSource source, IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        Thread.Sleep(duration);
        var rate = 100 + source.Bytes % 400;
        return new BatchRow(
            source.Name, source.Bytes, source.LastWriteUtc, "fake", 30, rate, 1, "I", 60 + source.Bytes % 40, 61, null, null, "excellent",
            [.. models.Select(model => new ModelOutcome(model, "Normal", 0.9, null))], duration.TotalMilliseconds, null);
    }
}

/// <summary>Work that throws for one record, every time (a fault of the work, not of a silo), and is <paramref name="inner"/> for the rest.</summary>
internal sealed class ThrowingWork(string badRecord, IRecordWork inner) : IRecordWork
{
    public BatchRow Analyze(RecordSource source, IReadOnlyList<string> models, CancellationToken cancellationToken) =>
        source.Name == badRecord ? throw new InvalidOperationException("this record always fails") : inner.Analyze(source, models, cancellationToken);
}
