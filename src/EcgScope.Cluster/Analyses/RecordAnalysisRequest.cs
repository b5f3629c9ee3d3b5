using System.Text.Json;
using EcgScope.Core;
using EcgScope.Reports.Documents;

namespace EcgScope.Cluster.Analyses;

/// <summary>One record to analyse as the web app does: its measurements and the chosen signal models' verdicts.</summary>
/// <param name="Record">
/// The record as the history keeps it (<see cref="StoredSignal.Kept"/>). On the wire it travels in
/// <see cref="StoredSignal"/>'s format, which keeps exactly that: leads (float64), rate, start time, format, device and
/// the device's verdict.
/// </param>
/// <param name="FileName">The file name the documents name.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Models">The signal models to run, by name, in the order their verdicts are listed.</param>
/// <param name="PrintoutVerdicts">
/// For a record digitized from a printout image: the image models' verdicts, made where the image is (it does not
/// travel), listed after the signal models'; otherwise empty.
/// </param>
[Immutable]
public sealed record RecordAnalysisRequest(
    EcgRecord Record, string FileName, string Format, IReadOnlyList<string> Models, IReadOnlyList<VerdictReport> PrintoutVerdicts);

/// <summary>A <see cref="RecordAnalysisRequest"/> on the wire: the record as <see cref="StoredSignal"/> bytes, the verdicts as report JSON.</summary>
[GenerateSerializer]
internal readonly record struct RecordAnalysisRequestSurrogate(
    [property: Id(0)] byte[] Signal,
    [property: Id(1)] string FileName,
    [property: Id(2)] string Format,
    [property: Id(3)] string[] Models,
    [property: Id(4)] string PrintoutVerdictsJson);

/// <summary>Converts <see cref="RecordAnalysisRequest"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class RecordAnalysisRequestConverter : IConverter<RecordAnalysisRequest, RecordAnalysisRequestSurrogate>
{
    public RecordAnalysisRequest ConvertFromSurrogate(in RecordAnalysisRequestSurrogate surrogate) => new(
        StoredSignal.Read(surrogate.Signal),
        surrogate.FileName,
        surrogate.Format,
        surrogate.Models,
        JsonSerializer.Deserialize<VerdictReport[]>(surrogate.PrintoutVerdictsJson, WireJson.Options) ?? []);

    public RecordAnalysisRequestSurrogate ConvertToSurrogate(in RecordAnalysisRequest value) => new(
        StoredSignal.Write(value.Record),
        value.FileName,
        value.Format,
        [.. value.Models],
        JsonSerializer.Serialize(value.PrintoutVerdicts, WireJson.Options));
}
