namespace EcgScope.Signal.Delineation;

/// <summary>
/// The intervals a reader of an ECG expects, each the median over the beats of one lead where both ends were found,
/// in milliseconds; null where fewer than <see cref="MinimumBeats"/> beats allowed it.
/// </summary>
/// <param name="PrMilliseconds">P onset to QRS onset; null also when fewer than half of the beats have a P wave
/// (atrial fibrillation has none).</param>
/// <param name="QrsMilliseconds">QRS onset to QRS offset (the J point).</param>
/// <param name="QtMilliseconds">QRS onset to T offset.</param>
/// <param name="QtcBazettMilliseconds">Each beat's QT divided by the square root of the RR interval before it (seconds), the median of those.</param>
/// <param name="QtcFridericiaMilliseconds">Each beat's QT divided by the cube root of the RR interval before it (seconds), the median of those.</param>
public sealed record WaveIntervals(
    double? PrMilliseconds,
    double? QrsMilliseconds,
    double? QtMilliseconds,
    double? QtcBazettMilliseconds,
    double? QtcFridericiaMilliseconds)
{
    /// <summary>The fewest beats a median is taken over: one or two beats say too little about a lead.</summary>
    public const int MinimumBeats = 3;

    /// <summary>No interval measured.</summary>
    public static WaveIntervals None { get; } = new(null, null, null, null, null);

    /// <summary>Measures the intervals of one lead's delineated beats.</summary>
    public static WaveIntervals Measure(LeadDelineation delineation)
    {
        ArgumentNullException.ThrowIfNull(delineation);
        var beats = delineation.Beats;
        var toMilliseconds = 1000.0 / delineation.SamplingRate.Hertz;
        var pr = new List<double>();
        var qrs = new List<double>();
        var qt = new List<double>();
        var bazett = new List<double>();
        var fridericia = new List<double>();
        for (var i = 0; i < beats.Length; i++)
        {
            var beat = beats[i];
            if (beat.QrsOnset is not { } onset)
            {
                continue;
            }

            if (beat.POnset is { } pOnset)
            {
                pr.Add((onset - pOnset) * toMilliseconds);
            }

            if (beat.QrsOffset is { } j)
            {
                qrs.Add((j - onset) * toMilliseconds);
            }

            if (beat.TOffset is { } tOffset)
            {
                var qtMs = (tOffset - onset) * toMilliseconds;
                qt.Add(qtMs);
                if (i > 0)
                {
                    var rrSeconds = (beat.RPeak - beats[i - 1].RPeak) * toMilliseconds / 1000;
                    bazett.Add(qtMs / Math.Sqrt(rrSeconds));
                    fridericia.Add(qtMs / Math.Cbrt(rrSeconds));
                }
            }
        }

        var enoughPWaves = 2 * pr.Count >= beats.Length;
        return new WaveIntervals(enoughPWaves ? Median(pr) : null, Median(qrs), Median(qt), Median(bazett), Median(fridericia));
    }

    /// <summary>The median of <paramref name="values"/>, or null with fewer than <see cref="MinimumBeats"/> of them.</summary>
    internal static double? Median(List<double> values) =>
        values.Count >= MinimumBeats ? Statistics.Median(values.ToArray()) : null;
}
