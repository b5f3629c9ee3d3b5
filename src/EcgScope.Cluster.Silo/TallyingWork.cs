using EcgScope.Bulk.Batch;

namespace EcgScope.Cluster.Silo;

/// <summary>Counts the records this silo analysed, for the line it prints when it stops.</summary>
internal sealed class TallyingWork(IRecordWork inner) : IRecordWork
{
    private int analysed;

    /// <summary>Records analysed so far.</summary>
    public int Analysed => Volatile.Read(ref analysed);

    public BatchRow Analyze(RecordSource source, IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        var row = inner.Analyze(source, models, cancellationToken);
        Interlocked.Increment(ref analysed);
        return row;
    }
}
