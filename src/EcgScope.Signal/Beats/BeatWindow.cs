using EcgScope.Core;

namespace EcgScope.Signal.Beats;

/// <summary>The span cut around each R-peak: <see cref="BeforeSeconds"/> before it to <see cref="AfterSeconds"/> after it.</summary>
/// <param name="BeforeSeconds">Seconds before the R-peak (P wave and PR segment).</param>
/// <param name="AfterSeconds">Seconds after the R-peak (ST segment and T wave).</param>
public readonly record struct BeatWindow(double BeforeSeconds, double AfterSeconds)
{
    /// <summary>0.25 s before to 0.4 s after the R-peak: P wave to the end of the T wave at resting rates.</summary>
    public static BeatWindow Default { get; } = new(0.25, 0.4);

    /// <summary>Samples before the R-peak at <paramref name="samplingRate"/>.</summary>
    public int SamplesBefore(SamplingRate samplingRate) => samplingRate.SamplesIn(BeforeSeconds);

    /// <summary>Samples after the R-peak at <paramref name="samplingRate"/>.</summary>
    public int SamplesAfter(SamplingRate samplingRate) => samplingRate.SamplesIn(AfterSeconds);

    /// <summary>Samples in one beat: before + 1 (the R-peak) + after.</summary>
    public int Length(SamplingRate samplingRate) => SamplesBefore(samplingRate) + 1 + SamplesAfter(samplingRate);

    internal void Validate()
    {
        if (!double.IsFinite(BeforeSeconds) || !double.IsFinite(AfterSeconds) || BeforeSeconds < 0 || AfterSeconds < 0)
        {
            throw new ArgumentException($"A beat window needs finite, non-negative spans; got {BeforeSeconds} s before and {AfterSeconds} s after.");
        }
    }
}
