using System.Collections.Concurrent;
using EcgScope.Bulk.Batch;
using EcgScope.Formats;
using EcgScope.Inference.Models;

namespace EcgScope.Cluster;

/// <summary>
/// The product's per-record work on a silo: <see cref="RecordAnalyzer.Analyze"/> with the models a batch asks for,
/// each analyser made once per choice of models and shared by every grain of the silo.
/// </summary>
/// <param name="reader">The readers (the silo host adds the PDF reader to the built-in ones).</param>
/// <param name="registry">Where the models are loaded from.</param>
public sealed class RecordAnalyzerWork(EcgFileReader reader, ModelRegistry registry) : IRecordWork
{
    private readonly ConcurrentDictionary<string, RecordAnalyzer> analyzers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public BatchRow Analyze(RecordSource source, IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        RecordAnalyzer analyzer;
        try
        {
            analyzer = analyzers.GetOrAdd(string.Join('\n', models), _ => new RecordAnalyzer(reader, registry, models.Select(registry.Card)));
        }
        catch (KeyNotFoundException error)
        {
            // This silo lacks a model the batch asks for: every record says so, rather than failing over and over.
            return BatchRow.Failed(source, $"{Environment.MachineName}: {error.Message}", 0);
        }

        return analyzer.Analyze(source, cancellationToken);
    }
}
