namespace EcgScope.Core;

/// <summary>
/// One event in a record, at a sample index: a beat label, a rhythm change, a wave onset or peak.
/// Follows PhysioNet's annotation model so MIT-format files round-trip.
/// </summary>
/// <param name="SampleIndex">Index of the sample the event refers to (0 is the record's first sample).</param>
/// <param name="Code">What the event is.</param>
/// <param name="SubType">The annotator's sub-type field (0 when unused).</param>
/// <param name="Channel">Signal number the event refers to (0 when unused).</param>
/// <param name="Number">The annotator's "num" field (0 when unused).</param>
/// <param name="AuxNote">Free text; for rhythm changes the rhythm, for example "(AFIB".</param>
public readonly record struct Annotation(
    int SampleIndex,
    AnnotationCode Code,
    int SubType = 0,
    int Channel = 0,
    int Number = 0,
    string? AuxNote = null)
{
    /// <summary>PhysioNet's one-character symbol for <see cref="Code"/>.</summary>
    public string Symbol => AnnotationCodes.Symbol(Code);

    /// <summary>Whether this annotation labels a heartbeat.</summary>
    public bool IsBeat => AnnotationCodes.IsBeat(Code);
}
