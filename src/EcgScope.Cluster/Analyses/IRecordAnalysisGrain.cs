namespace EcgScope.Cluster.Analyses;

/// <summary>
/// Analyses one record for the web app on the silo the call reaches. Call it under a fresh key each time
/// (<see cref="ClusterRecordAnalysis.AnalyzeAsync"/> does): keys spread the calls over the cluster's gateways.
/// </summary>
public interface IRecordAnalysisGrain : IGrainWithGuidKey
{
    /// <summary>The documents and log of <paramref name="request"/>'s analysis (see <see cref="RecordAnalysis.Run"/>).</summary>
    Task<AnalysedRecord> AnalyzeAsync(RecordAnalysisRequest request, CancellationToken cancellationToken);
}
