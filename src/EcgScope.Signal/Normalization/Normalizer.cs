using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Normalization;

/// <summary>
/// Per-lead amplitude normalisation (for plotting and for models trained on normalised inputs). Statistics ignore
/// NaN samples, which stay NaN. A constant lead (no spread) cannot be scaled: min-max maps it to the middle of the
/// target range and z-score to 0, never to NaN or infinity. A lead with no valid sample stays all NaN.
/// </summary>
public static class Normalizer
{
    /// <summary>Every lead linearly mapped so its minimum becomes <paramref name="low"/> and its maximum <paramref name="high"/> (unitless).</summary>
    public static EcgRecord MinMax(EcgRecord record, double low = 0, double high = 1)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Map(record, lead =>
        {
            var output = new double[lead.Length];
            MinMax(lead.Span, output, low, high);
            return output;
        });
    }

    /// <summary>Every lead as z-scores: (x − mean) / standard deviation (population), unitless.</summary>
    public static EcgRecord ZScore(EcgRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Map(record, lead =>
        {
            var output = new double[lead.Length];
            ZScore(lead.Span, output);
            return output;
        });
    }

    /// <summary>Span form of <see cref="MinMax(EcgRecord, double, double)"/>; <paramref name="output"/> may alias <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="high"/> is not above <paramref name="low"/>, or lengths differ.</exception>
    public static void MinMax(ReadOnlySpan<double> input, Span<double> output, double low = 0, double high = 1)
    {
        Spans.RequireSameLength(input, output);
        if (!double.IsFinite(low) || !double.IsFinite(high) || high <= low)
        {
            throw new ArgumentException($"The target range [{low}, {high}] must be finite and increasing.", nameof(high));
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var x in input)
        {
            if (!double.IsNaN(x))
            {
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
        }

        var spread = max - min;
        var scale = spread > 0 ? (high - low) / spread : 0;
        var offset = spread > 0 ? low : (low + high) / 2;
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = offset + ((input[i] - min) * scale);
        }
    }

    /// <summary>Span form of <see cref="ZScore(EcgRecord)"/>; <paramref name="output"/> may alias <paramref name="input"/>.</summary>
    public static void ZScore(ReadOnlySpan<double> input, Span<double> output)
    {
        Spans.RequireSameLength(input, output);
        var (mean, deviation) = MeanAndDeviation(input);
        var scale = deviation > 0 ? 1 / deviation : 0;
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (input[i] - mean) * scale;
        }
    }

    /// <summary>Mean and population standard deviation of the non-NaN samples (NaN, NaN when there are none).</summary>
    internal static (double Mean, double Deviation) MeanAndDeviation(ReadOnlySpan<double> input)
    {
        var count = 0;
        var mean = 0.0;
        var sumSquares = 0.0;
        foreach (var x in input)
        {
            if (double.IsNaN(x))
            {
                continue;
            }

            // Welford's update: stable for signals with a large offset.
            count++;
            var delta = x - mean;
            mean += delta / count;
            sumSquares += delta * (x - mean);
        }

        return count == 0 ? (double.NaN, double.NaN) : (mean, Math.Sqrt(sumSquares / count));
    }

    private static EcgRecord Map(EcgRecord record, Func<EcgLead, double[]> transform) =>
        record.WithLeads(record.Leads.Select(lead => lead.WithSamples(transform(lead))).ToImmutableArray(), record.SamplingRate);
}
