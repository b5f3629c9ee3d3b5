using System.Collections.Immutable;
using EcgScope.Signal;
using EcgScope.Signal.Delineation;

namespace EcgScope.Imaging.Features;

/// <summary>
/// The measures of one lead that tell infarction and repolarisation changes apart, each the median over the lead's
/// delineated beats: T amplitude, T inversion and ST deviation (<see cref="DelineationSummary"/>), QRS amplitude and
/// duration, and the depth of a Q wave (how far the QRS dips below its onset before its main deflection; a QS complex
/// counts whole).
/// </summary>
/// <param name="LeadName">The lead.</param>
/// <param name="Repolarisation">T amplitude, T inversion and ST deviation.</param>
/// <param name="QrsAmplitudeMillivolts">Peak to trough inside the QRS, mV; NaN when no QRS was delineated.</param>
/// <param name="QrsDurationMilliseconds">QRS onset to offset, ms; NaN when none.</param>
/// <param name="QDepthMillivolts">The QRS onset's level minus the lowest sample from the onset to the main deflection, mV (0 without a Q wave); NaN when none.</param>
public sealed record LeadMorphology(
    string LeadName, DelineationSummary Repolarisation, double QrsAmplitudeMillivolts, double QrsDurationMilliseconds, double QDepthMillivolts)
{
    /// <summary>A Q wave at least this deep counts as one in the cross-lead count, mV (1 mm at 10 mm/mV).</summary>
    public const double QWaveMillivolts = 0.1;

    /// <summary>The measure names, in <see cref="Values"/> order.</summary>
    public static ImmutableArray<string> Names { get; } =
        ["tAmplitudeMv", "tInverted", "stDeviationMv", "qrsAmplitudeMv", "qrsDurationMs", "qDepthMv"];

    /// <summary>The measures as numbers in <see cref="Names"/> order (inversion as 0 or 1; NaN where not measured).</summary>
    public double[] Values =>
    [
        Repolarisation.TAmplitudeMillivolts ?? double.NaN,
        Repolarisation.TWaveInverted is { } inverted ? (inverted ? 1 : 0) : double.NaN,
        Repolarisation.StDeviationMillivolts ?? double.NaN,
        QrsAmplitudeMillivolts,
        QrsDurationMilliseconds,
        QDepthMillivolts,
    ];

    /// <summary>Measures one lead from its samples (mV) and their delineation, whose R peaks are the QRS's main deflections.</summary>
    public static LeadMorphology Measure(string leadName, ReadOnlySpan<double> signalMillivolts, LeadDelineation delineation)
    {
        ArgumentNullException.ThrowIfNull(delineation);
        var amplitudes = new List<double>();
        var durations = new List<double>();
        var qDepths = new List<double>();
        foreach (var beat in delineation.Beats)
        {
            if (beat.QrsOnset is not { } onset || beat.QrsOffset is not { } offset || offset <= onset
                || beat.RPeak < onset || beat.RPeak > offset)
            {
                continue;
            }

            var qrs = signalMillivolts[onset..(offset + 1)];
            if (!AllFinite(qrs))
            {
                continue;
            }

            var values = qrs.ToArray();
            amplitudes.Add(values.Max() - values.Min());
            durations.Add(delineation.SamplingRate.SecondsAt(offset - onset) * 1000);
            qDepths.Add(Math.Max(0, values[0] - values[..(beat.RPeak - onset + 1)].Min()));
        }

        return new LeadMorphology(
            leadName, DelineationSummary.Measure(leadName, signalMillivolts, delineation), Median(amplitudes), Median(durations), Median(qDepths));
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    private static double Median(List<double> values) => Statistics.Median(values.ToArray());
}
