namespace EcgScope.Signal.Detection;

/// <summary>
/// Beat-by-beat agreement between detections and reference beats: true positives (matched pairs), false positives
/// (unmatched detections) and false negatives (unmatched reference beats), with the usual ratios.
/// </summary>
/// <param name="TruePositives">Reference beats matched by a detection.</param>
/// <param name="FalsePositives">Detections that matched no reference beat.</param>
/// <param name="FalseNegatives">Reference beats that no detection matched.</param>
public readonly record struct DetectionScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Number of reference beats (TP + FN).</summary>
    public int ReferenceCount => TruePositives + FalseNegatives;

    /// <summary>Number of detections (TP + FP).</summary>
    public int DetectionCount => TruePositives + FalsePositives;

    /// <summary>Whether there was any reference beat to score against: without one no ratio means anything.</summary>
    public bool HasReference => ReferenceCount > 0;

    /// <summary>Sensitivity Se = TP / (TP + FN), between 0 and 1; NaN when there is no reference beat.</summary>
    public double Sensitivity => HasReference ? (double)TruePositives / ReferenceCount : double.NaN;

    /// <summary>Positive predictivity +P = TP / (TP + FP), between 0 and 1; NaN when there is no detection.</summary>
    public double PositivePredictivity => DetectionCount == 0 ? double.NaN : (double)TruePositives / DetectionCount;

    /// <summary>
    /// F1 = 2 TP / (2 TP + FP + FN), between 0 and 1; NaN when there is no reference beat (a window without beats has
    /// no score: it must not read as 100 %).
    /// </summary>
    public double F1 => HasReference
        ? 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives)
        : double.NaN;

    /// <summary>Gross totals: counts add up over records.</summary>
    public static DetectionScore operator +(DetectionScore left, DetectionScore right) => new(
        left.TruePositives + right.TruePositives,
        left.FalsePositives + right.FalsePositives,
        left.FalseNegatives + right.FalseNegatives);

    /// <summary>Same as the + operator.</summary>
    public static DetectionScore Add(DetectionScore left, DetectionScore right) => left + right;
}
