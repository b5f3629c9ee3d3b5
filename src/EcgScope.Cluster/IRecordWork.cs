using EcgScope.Bulk.Batch;

namespace EcgScope.Cluster;

/// <summary>
/// The per-record work a silo does for a batch: a record in, its row out. Registered in each silo's services; the
/// product's is <see cref="RecordAnalyzerWork"/>, tests give their own. Called from several grains at once.
/// </summary>
public interface IRecordWork
{
    /// <summary>The row of <paramref name="source"/> with the outcomes of <paramref name="models"/>; never throws for a bad record.</summary>
    /// <param name="source">The record (its path must be reachable from this silo).</param>
    /// <param name="models">The models to run, in the order of the results' columns.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    BatchRow Analyze(RecordSource source, IReadOnlyList<string> models, CancellationToken cancellationToken);
}
