using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Signal.Filtering;

namespace EcgScope.Signal.Resampling;

/// <summary>
/// Record-level resampling to a new sampling rate with <see cref="PolyphaseResampler"/>. The factor is
/// <see cref="RationalRatio.Approximate"/>(target / source): exact for integer rates, within about 10⁻⁷ otherwise; the
/// result is labelled with the requested rate. Annotations are moved to the new rate (see
/// <see cref="EcgRecord.WithLeads"/>). Missing samples (NaN) are bridged before filtering, and an output sample is
/// NaN when the input sample nearest to its time was missing.
/// </summary>
public static class Resampler
{
    /// <summary>A record at <paramref name="target"/>; the same record when the rate already matches.</summary>
    public static EcgRecord Resample(EcgRecord record, SamplingRate target)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.SamplingRate == target)
        {
            return record;
        }

        var resampler = new PolyphaseResampler(RationalRatio.Approximate(target.Hertz / record.SamplingRate.Hertz));
        var leads = record.Leads.Select(lead => lead.WithSamples(Resample(lead.Span, resampler))).ToImmutableArray();
        return record.WithLeads(leads, target);
    }

    /// <summary>Resamples one signal by <paramref name="resampler"/>'s ratio into a new array, NaN gaps bridged and marked.</summary>
    public static double[] Resample(ReadOnlySpan<double> samples, PolyphaseResampler resampler)
    {
        ArgumentNullException.ThrowIfNull(resampler);
        if (samples.IndexOf(double.NaN) < 0)
        {
            return resampler.Resample(samples);
        }

        var bridged = new double[samples.Length];
        NanGaps.Bridge(samples, bridged);
        var output = resampler.Resample(bridged);
        var (up, down) = (resampler.Ratio.Up, resampler.Ratio.Down);
        for (var m = 0; m < output.Length; m++)
        {
            var nearest = (int)Math.Min(samples.Length - 1, (((long)m * down) + (up / 2)) / up);
            if (double.IsNaN(samples[nearest]))
            {
                output[m] = double.NaN;
            }
        }

        return output;
    }
}
