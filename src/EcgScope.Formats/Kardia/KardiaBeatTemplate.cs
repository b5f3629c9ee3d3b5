using System.Collections.Immutable;

namespace EcgScope.Formats.Kardia;

/// <summary>Which representative beat an ATC template block holds.</summary>
public enum KardiaBeatTemplateKind
{
    /// <summary>An "avg" block: the average of the recording's beats (specification 1.6 and later).</summary>
    Average,

    /// <summary>A "med" block: the median beat (specification 1.7).</summary>
    Median,
}

/// <summary>
/// A representative beat the recording app computed for one lead and stored beside the raw leads (typically 1.5 s,
/// 450 samples at 300 Hz), at the file's sampling rate.
/// </summary>
/// <param name="Lead">The lead it was computed from ("I", "II", ...).</param>
/// <param name="Kind">Average or median beat.</param>
/// <param name="SamplesMillivolts">The beat's samples, in millivolts.</param>
public sealed record KardiaBeatTemplate(string Lead, KardiaBeatTemplateKind Kind, ImmutableArray<double> SamplesMillivolts);
