namespace EcgScope.Cluster;

/// <summary>Tells failures of the cluster from failures of the work.</summary>
public static class ClusterFaults
{
    /// <summary>
    /// Whether a grain call failed in the cluster (a silo lost, a message rejected, no gateway, no answer in time)
    /// rather than in the work: the next call may reach a silo that lives.
    /// </summary>
    public static bool IsClusterFault(Exception error) => error is OrleansException or TimeoutException;
}
