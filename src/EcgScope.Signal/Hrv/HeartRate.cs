using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Hrv;

/// <summary>The heart rate at one beat: 60 / (interval since the previous beat).</summary>
/// <param name="TimeSeconds">Time of the beat, seconds from the recording's start.</param>
/// <param name="Bpm">Beats per minute over the interval ending at this beat.</param>
public readonly record struct InstantaneousHeartRate(double TimeSeconds, double Bpm);

/// <summary>
/// Heart rate from detected R-peaks. Uses every RR interval, without ectopic rejection: it describes the beats as
/// detected (use <see cref="HrvTimeDomain.MeanHeartRateBpm"/> for the NN-based rate).
/// </summary>
/// <param name="MeanBpm">60 000 / mean RR interval (ms): beats per minute over the span between first and last beat.</param>
/// <param name="MedianBpm">60 000 / median RR interval, robust to a few missed or extra beats.</param>
/// <param name="MinBpm">Lowest instantaneous rate.</param>
/// <param name="MaxBpm">Highest instantaneous rate.</param>
/// <param name="BeatCount">Number of R-peaks.</param>
/// <param name="Instantaneous">The rate at every beat but the first.</param>
public sealed record HeartRateSummary(
    double MeanBpm, double MedianBpm, double MinBpm, double MaxBpm, int BeatCount, ImmutableArray<InstantaneousHeartRate> Instantaneous);

/// <summary>Computes <see cref="HeartRateSummary"/> values.</summary>
public static class HeartRate
{
    /// <summary>
    /// The heart rate from R-peak sample indices (strictly increasing) at <paramref name="samplingRate"/>; null with
    /// fewer than two peaks.
    /// </summary>
    /// <exception cref="ArgumentException">The peaks are not strictly increasing or are negative.</exception>
    public static HeartRateSummary? FromRPeaks(ReadOnlySpan<int> rPeaks, SamplingRate samplingRate)
    {
        RPeaks.RequireIncreasing(rPeaks);
        if (rPeaks.Length < 2)
        {
            return null;
        }

        var intervalsMs = new double[rPeaks.Length - 1];
        var rates = ImmutableArray.CreateBuilder<InstantaneousHeartRate>(intervalsMs.Length);
        for (var i = 0; i < intervalsMs.Length; i++)
        {
            intervalsMs[i] = (rPeaks[i + 1] - rPeaks[i]) * 1000 / samplingRate.Hertz;
            rates.Add(new InstantaneousHeartRate(samplingRate.SecondsAt(rPeaks[i + 1]), 60_000 / intervalsMs[i]));
        }

        var instantaneous = rates.MoveToImmutable();
        return new HeartRateSummary(
            MeanBpm: 60_000 / Statistics.Mean(intervalsMs),
            MedianBpm: 60_000 / Statistics.Median(intervalsMs),
            MinBpm: instantaneous.Min(rate => rate.Bpm),
            MaxBpm: instantaneous.Max(rate => rate.Bpm),
            BeatCount: rPeaks.Length,
            Instantaneous: instantaneous);
    }
}
