using EcgScope.Bulk.Batch;
using Orleans.Placement;

namespace EcgScope.Cluster.Grains;

/// <summary>Runs the silo's <see cref="IRecordWork"/> on one record, then leaves: a batch of thousands keeps no activations.</summary>
[RandomPlacement]
internal sealed class RecordWorkerGrain(IRecordWork work) : Grain, IRecordWorkerGrain
{
    public Task<BatchRow> AnalyzeAsync(RecordSource source, string[] models)
    {
        DeactivateOnIdle();
        return Task.FromResult(work.Analyze(source, models, CancellationToken.None));
    }
}
