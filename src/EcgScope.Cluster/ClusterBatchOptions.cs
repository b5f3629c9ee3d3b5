namespace EcgScope.Cluster;

/// <summary>How a batch runs on a cluster. The coordinator reads these from the silo's options; the client from its own.</summary>
public sealed class ClusterBatchOptions
{
    /// <summary>Records under way at once over the whole cluster; default 4 per core of this machine.</summary>
    public int MaxInFlight { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>A record under way longer than this is handed out again (its worker may be stuck or gone); default 2 min.</summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the coordinator stores new rows and looks for overdue records; default 1 s.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Attempts whose work threw after which a record gets a row with the last error instead of another attempt; a
    /// failure of the cluster (a lost silo, a timeout) does not count. Default 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before a record whose worker failed is handed out again; default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The period of the reminder that wakes a coordinator after its silo died; default 1 min (Orleans' least).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the client asks the coordinator for new rows; default 250 ms.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(250);
}
