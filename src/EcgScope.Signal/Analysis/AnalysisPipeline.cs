using System.Collections.Immutable;
using System.Globalization;

namespace EcgScope.Signal.Analysis;

/// <summary>A signal <see cref="EcgAnalysis"/> derives from the record, or the beats it takes measures from.</summary>
public enum AnalysisInput
{
    /// <summary>The lead as read.</summary>
    RawLead,

    /// <summary>The lead with the mains notch applied (only when a mains frequency was given).</summary>
    NotchedLead,

    /// <summary>The notched (when asked) lead band-passed by the cleaning filter.</summary>
    BandPassedLead,

    /// <summary>The R-peaks after artefact correction.</summary>
    CorrectedRPeaks,
}

/// <summary>Which input one measure was taken from, and why that one.</summary>
/// <param name="Measure">The measure, e.g. "R-peaks".</param>
/// <param name="Input">The signal or beats it was computed on.</param>
/// <param name="Reason">Why this input, in words.</param>
public sealed record MeasureInput(string Measure, AnalysisInput Input, string Reason);

/// <summary>
/// The steps of <see cref="EcgAnalysis"/>: raw → mains notch (when asked) → band-pass, and for every measure the
/// signal it used. Detection and quality see the lead before the band-pass (after the notch), the median beat sees
/// the band-passed lead, heart rate and HRV come from the corrected R-peaks, wave delineation sees the lead before
/// the band-pass.
/// </summary>
/// <param name="Cleaning">The filters, as fitted to the record.</param>
/// <param name="Measures">One entry per measure, in the order they are computed.</param>
public sealed record AnalysisPipeline(CleaningApplied Cleaning, ImmutableArray<MeasureInput> Measures)
{
    /// <summary>The signal before the band-pass: the notched lead when a notch was applied, else the raw one.</summary>
    public AnalysisInput Unfiltered => Cleaning.NotchHz is null ? AnalysisInput.RawLead : AnalysisInput.NotchedLead;

    /// <summary>The steps as one line, e.g. "raw → 60 Hz notch → 0.5–40 Hz band-pass (zero-phase)".</summary>
    public string Steps => string.Create(
        CultureInfo.InvariantCulture,
        $"raw{(Cleaning.NotchHz is { } mains ? string.Create(CultureInfo.InvariantCulture, $" → {mains:0.##} Hz notch") : "")} → {Cleaning.HighPassHz:0.##}–{Cleaning.LowPassHz:0.##} Hz band-pass (zero-phase)");

    /// <summary>The pipeline for <paramref name="cleaning"/> with the detector called <paramref name="detectorName"/>.</summary>
    public static AnalysisPipeline For(CleaningApplied cleaning, string detectorName)
    {
        ArgumentNullException.ThrowIfNull(cleaning);
        var unfiltered = cleaning.NotchHz is null ? AnalysisInput.RawLead : AnalysisInput.NotchedLead;
        return new AnalysisPipeline(cleaning, [
            new("R-peaks", unfiltered, $"{detectorName} applies the band-pass its paper defines"),
            new("signal quality", unfiltered, "the indices are defined on the unfiltered lead; basSQI measures the baseline wander the band-pass removes"),
            new("median beat", AnalysisInput.BandPassedLead, "beat shapes are compared without wander and noise"),
            new("heart rate and HRV", AnalysisInput.CorrectedRPeaks, "ectopic, missed and extra beats corrected by Lipponen & Tarvainen 2019's method"),
            new("delineation", unfiltered, "the delineator was validated on LUDB's unfiltered leads; T and ST are read against each beat's own PR baseline"),
        ]);
    }
}
