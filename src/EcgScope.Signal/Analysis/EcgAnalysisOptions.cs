using EcgScope.Signal.Beats;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Analysis;

/// <summary>How <see cref="EcgAnalysis"/> cleans and measures a record.</summary>
public sealed record EcgAnalysisOptions
{
    /// <summary>Defaults: 0.5-40 Hz zero-phase band-pass, no mains notch, the default detector.</summary>
    public static EcgAnalysisOptions Default { get; } = new();

    /// <summary>Lower band edge of the cleaning filter, in Hz: removes baseline wander.</summary>
    public double HighPassHz { get; init; } = 0.5;

    /// <summary>
    /// Upper band edge of the cleaning filter, in Hz: removes muscle noise. Lowered to 45 % of the sampling rate for
    /// records sampled too slowly for it.
    /// </summary>
    public double LowPassHz { get; init; } = 40;

    /// <summary>Mains frequency to notch out (50 or 60 Hz), or null for none.</summary>
    public double? MainsHz { get; init; }

    /// <summary>The R-peak detector.</summary>
    public IRPeakDetector Detector { get; init; } = RPeakDetectors.Default;

    /// <summary>The window cut around each R-peak for the median beat.</summary>
    public BeatWindow BeatWindow { get; init; } = BeatWindow.Default;
}
