using EcgScope.Bulk.Batch;

namespace EcgScope.Cluster.Grains;

/// <summary>
/// One batch of a cluster (key: the batch id): holds the records still to do and the rows done, in grain storage, and
/// hands the records to <see cref="IRecordWorkerGrain"/>s over the silos. Every call is idempotent, so a client may
/// repeat any of them after a failure.
/// </summary>
public interface IBatchCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the records not yet known (pending or done) to the batch and starts work on them. Returns the batch's epoch:
    /// a new one means its stored state was lost (in-memory storage on a silo that died), so rows seen before are gone.
    /// </summary>
    /// <param name="models">The models every row carries, in column order; must stay the same for the batch.</param>
    /// <param name="records">The records to analyse.</param>
    /// <param name="maxInFlight">Records under way at once over the whole cluster, at least 1.</param>
    /// <exception cref="ArgumentException">The batch already runs with other models.</exception>
    Task<Guid> SubmitAsync(string[] models, RecordSource[] records, int maxInFlight);

    /// <summary>The rows stored from index <paramref name="fromRow"/> on (rows are only added, once per record), and counts.</summary>
    Task<BatchPoll> PollAsync(int fromRow);

    /// <summary>Drops the batch's state and reminder: the client has written every row.</summary>
    Task ForgetAsync();
}

/// <summary>What a poll of a batch returns.</summary>
/// <param name="Epoch">The batch's epoch (see <see cref="IBatchCoordinatorGrain.SubmitAsync"/>).</param>
/// <param name="Rows">Rows stored from the index asked for on, in the order they were recorded.</param>
/// <param name="Recorded">Rows stored in all.</param>
/// <param name="Pending">Records not done yet.</param>
/// <param name="Dispatches">Times a record was handed to a worker in this activation (above the records when work ran twice).</param>
[GenerateSerializer]
[Immutable]
public sealed record BatchPoll(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] BatchRow[] Rows,
    [property: Id(2)] int Recorded,
    [property: Id(3)] int Pending,
    [property: Id(4)] int Dispatches);
