using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// How one fiducial point was found against a reference: counts as for beats (one-to-one, nearest pairs first, within
/// the tolerance; a found point with no reference point is a false positive) and the timing error of matched pairs.
/// </summary>
/// <param name="Fiducial">Which point.</param>
/// <param name="Counts">True positives, false positives and false negatives.</param>
/// <param name="MeanErrorMilliseconds">Mean of found − reference over matched pairs, in milliseconds (NaN without pairs).</param>
/// <param name="ErrorStandardDeviationMilliseconds">Sample standard deviation of found − reference, pooled over every pair, in milliseconds.</param>
public sealed record DelineationScore(Fiducial Fiducial, DetectionScore Counts, double MeanErrorMilliseconds, double ErrorStandardDeviationMilliseconds);

/// <summary>Accumulates <see cref="DelineationScore"/>s over leads and records.</summary>
public sealed class DelineationScorer
{
    /// <summary>The tolerance delineation papers use (Martínez et al. 2004 match within 150 ms).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMilliseconds(150);

    private readonly Dictionary<Fiducial, (DetectionScore Counts, List<double> Errors)> totals =
        Enum.GetValues<Fiducial>().ToDictionary(f => f, _ => (default(DetectionScore), new List<double>()));

    private readonly TimeSpan tolerance;

    /// <summary>A scorer matching within <paramref name="tolerance"/> (default <see cref="DefaultTolerance"/>).</summary>
    public DelineationScorer(TimeSpan? tolerance = null) => this.tolerance = tolerance ?? DefaultTolerance;

    /// <summary>
    /// Scores one lead: every fiducial between the reference's first and last annotated sample (both sides of the
    /// match must lie there to count, as LUDB labels only the middle of each record).
    /// </summary>
    public void Add(LeadDelineation found, DelineationReference reference)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(reference);
        var rate = found.SamplingRate;
        var toleranceSamples = rate.SamplesIn(tolerance.TotalSeconds);
        foreach (var fiducial in Enum.GetValues<Fiducial>())
        {
            var referencePoints = reference.Points(fiducial);
            var foundPoints = found.Points(fiducial);
            var matching = BeatMatcher.Match(referencePoints, foundPoints, toleranceSamples);
            var (counts, errors) = totals[fiducial];
            counts += matching.Score(reference.FirstAnnotated, reference.LastAnnotated + 1);
            var pairs = matching.DetectionOfReference;
            for (var i = 0; i < pairs.Length; i++)
            {
                if (pairs[i] >= 0 && referencePoints[i] >= reference.FirstAnnotated && referencePoints[i] <= reference.LastAnnotated)
                {
                    errors.Add(1000.0 * (foundPoints[pairs[i]] - referencePoints[i]) / rate.Hertz);
                }
            }

            totals[fiducial] = (counts, errors);
        }
    }

    /// <summary>The scores so far, one per fiducial in <see cref="Fiducial"/> order.</summary>
    public IReadOnlyList<DelineationScore> Scores() =>
    [
        .. totals.OrderBy(pair => pair.Key).Select(pair => new DelineationScore(
            pair.Key,
            pair.Value.Counts,
            pair.Value.Errors.Count > 0 ? Statistics.Mean(pair.Value.Errors.ToArray()) : double.NaN,
            pair.Value.Errors.Count > 1 ? Statistics.SampleStandardDeviation(pair.Value.Errors.ToArray()) : double.NaN)),
    ];
}
