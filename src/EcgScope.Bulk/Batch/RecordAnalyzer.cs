using System.Diagnostics;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Analysis;

namespace EcgScope.Bulk.Batch;

/// <summary>
/// The work of a batch on one record, <see cref="Analyze"/>: read it, analyse it, run the models (without
/// explanations), and make its row. It writes nothing and shares nothing between calls, so any scheduler can call it
/// on any thread or machine; <see cref="BatchRunner"/> is the local one. Safe to use from several threads at once.
/// </summary>
public sealed class RecordAnalyzer
{
    private readonly EcgFileReader reader;
    private readonly ModelRegistry registry;
    private readonly IReadOnlyList<ModelCard> models;
    private readonly EcgReadOptions readOptions;
    private readonly EcgAnalysisOptions? analysisOptions;

    /// <summary>An analyser that reads with <paramref name="reader"/> and runs <paramref name="models"/> from <paramref name="registry"/>.</summary>
    /// <param name="reader">The readers (the CLI adds the PDF reader to the built-in ones).</param>
    /// <param name="registry">Where the models are loaded from (each once, shared by all threads).</param>
    /// <param name="models">The models to run, in the order of their columns; empty for the analysis only.</param>
    /// <param name="readOptions">What the user told about files that do not say (sampling rate, unit).</param>
    /// <param name="analysisOptions">Analysis options (default: the library's).</param>
    public RecordAnalyzer(
        EcgFileReader reader,
        ModelRegistry registry,
        IEnumerable<ModelCard> models,
        EcgReadOptions? readOptions = null,
        EcgAnalysisOptions? analysisOptions = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(models);
        this.reader = reader;
        this.registry = registry;
        this.models = [.. models];
        this.readOptions = readOptions ?? EcgReadOptions.Default;
        this.analysisOptions = analysisOptions;
        ModelNames = [.. this.models.Select(card => card.Name)];
    }

    /// <summary>The models' names, in the order of their columns.</summary>
    public IReadOnlyList<string> ModelNames { get; }

    /// <summary>
    /// The row of <paramref name="source"/>. Never throws for a bad record: a file that cannot be read or analysed
    /// gives a row with its error. Only cancellation ends it early, with <see cref="OperationCanceledException"/>.
    /// </summary>
    public BatchRow Analyze(RecordSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        try
        {
            var format = reader.Detect(source.Path);
            var record = format.Read(EcgSource.FromFile(source.Path), readOptions);
            var report = RecordReport.Create(record, source.Name, format.FormatName, registry, models, analysisOptions, explain: false, cancellationToken: cancellationToken);
            return BatchRow.From(source, report, ModelNames, clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A batch must survive any one record: whatever went wrong goes into that record's row.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return BatchRow.Failed(source, ErrorText(error), clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The message of a bad input as the reader gave it; anything else is marked as a fault of EcgScope's own.</summary>
    private static string ErrorText(Exception error) =>
        error is EcgFormatException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
            ? error.Message
            : $"internal error ({error.GetType().Name}): {error.Message}";
}
