using System.Collections.Immutable;

namespace EcgScope.Inference.Preprocessing;

/// <summary>How a record's amplitudes are scaled per lead before a network sees them.</summary>
public enum InputNormalization
{
    /// <summary>Amplitudes in millivolts as they are.</summary>
    None,

    /// <summary>Zero mean and unit standard deviation per lead and window.</summary>
    ZScore,

    /// <summary>Scaled to [0, 1] per lead and window, as the original smartwatch product did.</summary>
    MinMax,
}

/// <summary>
/// What a signal model takes in, declared in its card and applied by the registry to any record: the rate, the leads,
/// the band-pass filter, the normalisation and the window length. A record of another rate is resampled; a longer one
/// is cut into windows whose verdicts are averaged; a shorter one is padded with zeros at the end.
/// </summary>
public sealed record InputSpec
{
    /// <summary>The rate the model was trained at, in hertz.</summary>
    public required double SampleRateHz { get; init; }

    /// <summary>The window the model sees, in seconds.</summary>
    public required double WindowSeconds { get; init; }

    /// <summary>
    /// The leads the model reads, in order. A single-lead model reads a single-lead record whatever its lead is called,
    /// and otherwise the first of these it finds.
    /// </summary>
    public required ImmutableArray<string> Leads { get; init; }

    /// <summary>The high-pass corner of the zero-phase band-pass filter, in hertz.</summary>
    public double HighPassHz { get; init; } = 0.5;

    /// <summary>The low-pass corner of the zero-phase band-pass filter, in hertz.</summary>
    public double LowPassHz { get; init; } = 40;

    /// <summary>The per-lead normalisation.</summary>
    public InputNormalization Normalization { get; init; } = InputNormalization.ZScore;

    /// <summary>Samples per lead in one window.</summary>
    public int WindowSamples => (int)Math.Round(SampleRateHz * WindowSeconds);
}
