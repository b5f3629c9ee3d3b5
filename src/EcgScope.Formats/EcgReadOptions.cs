using EcgScope.Core;

namespace EcgScope.Formats;

/// <summary>What the user knows about a file that the file itself may not say.</summary>
public sealed record EcgReadOptions
{
    /// <summary>Defaults: everything is taken from the file.</summary>
    public static EcgReadOptions Default { get; } = new();

    /// <summary>The sampling rate, for formats that do not store one (for example a CSV without a time column).</summary>
    public SamplingRate? SamplingRate { get; init; }

    /// <summary>The unit of the values ("mV", "uV", "V"), for formats that do not store one. Default: millivolts.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// For WFDB records: the annotator extension whose file beside the header is attached to the record. Default
    /// "atr" (the reference annotations); the record is read without annotations when that file does not exist.
    /// </summary>
    public string AnnotationExtension { get; init; } = "atr";
}
