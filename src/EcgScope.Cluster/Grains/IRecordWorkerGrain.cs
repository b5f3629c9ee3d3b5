using EcgScope.Bulk.Batch;

namespace EcgScope.Cluster.Grains;

/// <summary>
/// Analyses one record of a batch on whichever silo it is placed on. One grain per record and attempt (key
/// "batch/record#attempt"), so a retry after a silo loss lands on a fresh activation, wherever the cluster puts it.
/// </summary>
public interface IRecordWorkerGrain : IGrainWithStringKey
{
    /// <summary>The row of <paramref name="source"/> with the outcomes of <paramref name="models"/>.</summary>
    Task<BatchRow> AnalyzeAsync(RecordSource source, string[] models);
}
