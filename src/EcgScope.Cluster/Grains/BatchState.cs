using EcgScope.Bulk.Batch;

namespace EcgScope.Cluster.Grains;

/// <summary>The stored state of a batch: what is left and what is done. A record is in one of the two, never both.</summary>
[GenerateSerializer]
public sealed class BatchState
{
    /// <summary>Set when the state is first written; a coordinator that finds none starts a new epoch.</summary>
    [Id(0)]
    public Guid Epoch { get; set; }

    /// <summary>The models every row carries, in column order.</summary>
    [Id(1)]
    public string[] Models { get; set; } = [];

    /// <summary>Records in the whole cluster under way at once.</summary>
    [Id(2)]
    public int MaxInFlight { get; set; } = 1;

    /// <summary>Records not done yet, by name.</summary>
    [Id(3)]
    public Dictionary<string, RecordSource> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The rows done, in the order they were recorded: one per record.</summary>
    [Id(4)]
    public List<BatchRow> Rows { get; set; } = [];
}
