using System.Text.Json;
using EcgScope.Reports.Documents;

namespace EcgScope.Cluster.Analyses;

/// <summary>What the analysis of one record made: the documents the web app stores, the log of the work, and where it ran.</summary>
/// <param name="Analysis">The measurements, as <c>ecgscope analyze --format json --peaks</c> prints them.</param>
/// <param name="Classification">The verdicts, as <c>ecgscope classify --format json --explain</c> prints them, the printout's last.</param>
/// <param name="Log">Lines for the analysis log: each step and its time, each model with its weights' SHA-256 as loaded where it ran.</param>
/// <param name="RanOn">Where the work ran, for a person: the process, or the silo's name and address.</param>
[Immutable]
public sealed record AnalysedRecord(AnalyzeReport Analysis, ClassifyReport Classification, IReadOnlyList<string> Log, string RanOn);

/// <summary>An <see cref="AnalysedRecord"/> on the wire: the documents as the report JSON the history stores them in.</summary>
[GenerateSerializer]
internal readonly record struct AnalysedRecordSurrogate(
    [property: Id(0)] string AnalysisJson,
    [property: Id(1)] string ClassificationJson,
    [property: Id(2)] string[] Log,
    [property: Id(3)] string RanOn);

/// <summary>Converts <see cref="AnalysedRecord"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class AnalysedRecordConverter : IConverter<AnalysedRecord, AnalysedRecordSurrogate>
{
    public AnalysedRecord ConvertFromSurrogate(in AnalysedRecordSurrogate surrogate) => new(
        JsonSerializer.Deserialize<AnalyzeReport>(surrogate.AnalysisJson, WireJson.Options)!,
        JsonSerializer.Deserialize<ClassifyReport>(surrogate.ClassificationJson, WireJson.Options)!,
        surrogate.Log,
        surrogate.RanOn);

    public AnalysedRecordSurrogate ConvertToSurrogate(in AnalysedRecord value) => new(
        JsonSerializer.Serialize(value.Analysis, WireJson.Options),
        JsonSerializer.Serialize(value.Classification, WireJson.Options),
        [.. value.Log],
        value.RanOn);
}

/// <summary>
/// The report JSON of the history and the REST API (camelCase, enums as strings, NaN as null), unindented: documents
/// cross the wire in the shape they are stored in, so a document analysed on a silo is stored as one analysed here.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = ReportJson.Configure(new JsonSerializerOptions());
}
