namespace EcgScope.Formats.Edf;

/// <summary>One signal's header fields in an EDF file (256 bytes per signal, stored field by field for all signals).</summary>
/// <param name="Index">0-based signal number.</param>
/// <param name="Label">"MLII", "EEG Fpz-Cz", or "EDF Annotations" for an EDF+ annotation signal.</param>
/// <param name="Transducer">Transducer type, free text.</param>
/// <param name="PhysicalDimension">Unit of the physical values: "uV", "mV", "V", ...</param>
/// <param name="PhysicalMinimum">Physical value of <paramref name="DigitalMinimum"/>.</param>
/// <param name="PhysicalMaximum">Physical value of <paramref name="DigitalMaximum"/>.</param>
/// <param name="DigitalMinimum">Smallest stored integer.</param>
/// <param name="DigitalMaximum">Largest stored integer.</param>
/// <param name="Prefiltering">Filters applied before digitising, free text ("HP:0.1Hz LP:75Hz").</param>
/// <param name="SamplesPerRecord">Number of 16-bit samples of this signal in each data record.</param>
/// <param name="OffsetInRecord">Where this signal's samples start in a data record, in samples.</param>
internal sealed record EdfSignalHeader(
    int Index,
    string Label,
    string Transducer,
    string PhysicalDimension,
    double PhysicalMinimum,
    double PhysicalMaximum,
    int DigitalMinimum,
    int DigitalMaximum,
    string Prefiltering,
    int SamplesPerRecord,
    int OffsetInRecord)
{
    /// <summary>The label EDF+ reserves for annotation signals.</summary>
    public const string AnnotationLabel = "EDF Annotations";

    /// <summary>Whether this is an EDF+ annotation signal rather than a sampled one.</summary>
    public bool IsAnnotation => Label == AnnotationLabel;

    /// <summary>Physical units per digital step: (pmax - pmin) / (dmax - dmin), EDF's linear scaling.</summary>
    public double Gain => (PhysicalMaximum - PhysicalMinimum) / ((double)DigitalMaximum - DigitalMinimum);

    /// <summary>Physical value of digital 0: pmin - dmin * gain.</summary>
    public double Offset => PhysicalMinimum - (DigitalMinimum * Gain);
}
