namespace EcgScope.Cluster.Analyses;

/// <summary>The client's side of <see cref="IRecordAnalysisGrain"/>: one call, and one more after a fault of the cluster.</summary>
public static class ClusterRecordAnalysis
{
    /// <summary>Calls in all: a lost silo fails the first, and the second goes to a fresh grain, which lands on a silo that lives.</summary>
    private const int Attempts = 2;

    /// <summary>Analyses <paramref name="request"/> on a silo of the cluster of <paramref name="grains"/>.</summary>
    /// <param name="grains">A client of the cluster.</param>
    /// <param name="request">The record to analyse.</param>
    /// <param name="cancellationToken">Stops waiting, and the silo's work between leads and models.</param>
    /// <exception cref="OrleansException">The cluster failed both calls (see <see cref="ClusterFaults.IsClusterFault"/>).</exception>
    /// <exception cref="TimeoutException">No silo answered in time, twice.</exception>
    public static async Task<AnalysedRecord> AnalyzeAsync(IGrainFactory grains, RecordAnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<IRecordAnalysisGrain>(Guid.NewGuid()).AnalyzeAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (attempt < Attempts && ClusterFaults.IsClusterFault(error) && !cancellationToken.IsCancellationRequested)
            {
            }
        }
    }
}
