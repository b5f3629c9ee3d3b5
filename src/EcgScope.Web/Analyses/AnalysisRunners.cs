using EcgScope.Cluster;
using EcgScope.Cluster.Analyses;
using EcgScope.Inference.Models;

namespace EcgScope.Web.Analyses;

/// <summary>Where the web app's analysis of a record runs (<c>Web:AnalysisOn</c>); both run <see cref="RecordAnalysis.Run"/>.</summary>
public interface IAnalysisRunner
{
    /// <summary>The documents and log of <paramref name="request"/>'s analysis.</summary>
    /// <exception cref="AnalysisUnavailableException">The analysis could not be run (the cluster did not answer).</exception>
    Task<AnalysedRecord> RunAsync(RecordAnalysisRequest request, CancellationToken cancellationToken);
}

/// <summary>The default: the analysis runs in this process, with this process's models; no Orleans at all.</summary>
public sealed class LocalAnalysisRunner(ModelRegistry registry) : IAnalysisRunner
{
    /// <inheritdoc />
    public Task<AnalysedRecord> RunAsync(RecordAnalysisRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(RecordAnalysis.Run(request, registry, "the web app's own process", cancellationToken));
}

/// <summary>
/// The analysis runs on a silo of the Orleans cluster this app is a client of, with the silo's models; a call that
/// the cluster fails is made once more, and a second failure is an <see cref="AnalysisUnavailableException"/>.
/// </summary>
public sealed class ClusterAnalysisRunner(IGrainFactory grains) : IAnalysisRunner
{
    /// <inheritdoc />
    public async Task<AnalysedRecord> RunAsync(RecordAnalysisRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ClusterRecordAnalysis.AnalyzeAsync(grains, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ClusterFaults.IsClusterFault(error))
        {
            throw new AnalysisUnavailableException(
                "The analysis cluster did not answer (no silo took the work, or the one that did was lost), so nothing was analysed or kept. Try again in a minute.",
                error);
        }
        catch (KeyNotFoundException error)
        {
            throw new AnalysisUnavailableException($"The silo that took the work cannot run it: {error.Message} Nothing was analysed or kept.", error);
        }
    }
}

/// <summary>The analysis could not be run now (the cluster is unavailable); the upload was not kept, and trying again may work.</summary>
/// <param name="message">What happened, for a person.</param>
/// <param name="inner">The cluster's error, for the server's log.</param>
public sealed class AnalysisUnavailableException(string message, Exception inner) : Exception(message, inner);
