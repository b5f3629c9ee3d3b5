using EcgScope.Bulk.Batch;
using EcgScope.Cluster;
using EcgScope.Configuration;
using EcgScope.Inference.Models;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope batch --cluster</c>: the batch on the configured Orleans cluster, or on a silo in this process.</summary>
internal static class ClusterRun
{
    public static async Task<BatchSummary> RunAsync(
        ClusterSettings settings,
        ModelRegistry registry,
        BatchInput input,
        BatchResultsFile results,
        IReadOnlyList<string> models,
        IProgress<BatchProgress> progress,
        CancellationToken cancellationToken)
    {
        await using var cluster = settings.ConnectionString is { Length: > 0 } connectionString
            ? await ClusterConnection.ConnectAsync(connectionString, settings.ClusterId, cancellationToken).ConfigureAwait(false)
            : await ClusterConnection.StartLocalAsync(new RecordAnalyzerWork(SupportedFiles.Reader, registry), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await ClusterBatch.RunAsync(cluster.Grains, input, results, models, new ClusterBatchOptions(), progress, cancellationToken).ConfigureAwait(false);
    }
}
