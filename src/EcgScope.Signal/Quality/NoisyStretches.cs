using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Quality;

/// <summary>A stretch of a lead, in seconds from its start.</summary>
/// <param name="StartSeconds">Where it starts.</param>
/// <param name="EndSeconds">Where it ends.</param>
public readonly record struct SignalStretch(double StartSeconds, double EndSeconds);

/// <summary>
/// Where in a lead the signal is too noisy to read: <see cref="SignalQuality"/>'s rules on consecutive windows of
/// <see cref="WindowSeconds"/> s (the length Zhao &amp; Zhang and Orphanidou designed theirs for), each unacceptable
/// window a stretch, neighbours merged. A lead's single verdict says whether it can be read; these say where not.
/// </summary>
public static class NoisyStretches
{
    /// <summary>The window, in seconds; a shorter remainder at the end joins the last window.</summary>
    public const double WindowSeconds = 10;

    /// <summary>The unacceptable stretches of <paramref name="samples"/> (mV), given its R-peaks (sample indices, ascending).</summary>
    public static ImmutableArray<SignalStretch> Find(ReadOnlySpan<double> samples, SamplingRate samplingRate, ReadOnlySpan<int> rPeaks)
    {
        RPeaks.RequireIncreasing(rPeaks);
        var window = (int)Math.Round(WindowSeconds * samplingRate.Hertz);
        var stretches = ImmutableArray.CreateBuilder<SignalStretch>();
        for (var start = 0; start < samples.Length; start += window)
        {
            var end = samples.Length - (start + window) < window ? samples.Length : start + window;
            var peaks = PeaksWithin(rPeaks, start, end);
            if (SignalQuality.Assess("window", samples[start..end], samplingRate, peaks).Verdict == QualityVerdict.Unacceptable)
            {
                var stretch = new SignalStretch(samplingRate.SecondsAt(start), samplingRate.SecondsAt(end));
                if (stretches.Count > 0 && stretches[^1].EndSeconds >= stretch.StartSeconds)
                {
                    stretch = stretches[^1] with { EndSeconds = stretch.EndSeconds };
                    stretches.RemoveAt(stretches.Count - 1);
                }

                stretches.Add(stretch);
            }

            if (end == samples.Length)
            {
                break;
            }
        }

        return stretches.ToImmutable();
    }

    private static int[] PeaksWithin(ReadOnlySpan<int> rPeaks, int start, int end)
    {
        var peaks = new List<int>();
        foreach (var peak in rPeaks)
        {
            if (peak >= start && peak < end)
            {
                peaks.Add(peak - start);
            }
        }

        return [.. peaks];
    }
}
