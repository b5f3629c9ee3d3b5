using EcgScope.Inference.Models;
using Orleans.Concurrency;

namespace EcgScope.Cluster.Analyses;

/// <summary>
/// Runs <see cref="RecordAnalysis.Run"/> with the silo's models. A stateless worker: it is activated on the silo that
/// receives the call, with no entry in the grain directory, and leaves when the call is done.
/// </summary>
[StatelessWorker]
internal sealed class RecordAnalysisGrain(ModelRegistry registry, AnalysisTally tally, ILocalSiloDetails silo) : Grain, IRecordAnalysisGrain
{
    public Task<AnalysedRecord> AnalyzeAsync(RecordAnalysisRequest request, CancellationToken cancellationToken)
    {
        DeactivateOnIdle();
        var analysed = RecordAnalysis.Run(request, registry, $"silo {silo.Name} at {silo.SiloAddress}", cancellationToken);
        tally.Count();
        return Task.FromResult(analysed);
    }
}
