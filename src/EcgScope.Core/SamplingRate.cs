using System.Globalization;

namespace EcgScope.Core;

/// <summary>A sampling rate in hertz (samples per second). Always finite and positive.</summary>
public readonly record struct SamplingRate
{
    /// <summary>Creates a rate; throws for zero, negative, NaN or infinite values.</summary>
    public SamplingRate(double hertz)
    {
        if (!double.IsFinite(hertz) || hertz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hertz), hertz, "A sampling rate must be a finite number of hertz above zero.");
        }

        Hertz = hertz;
    }

    /// <summary>Samples per second.</summary>
    public double Hertz { get; }

    /// <summary>Seconds between two consecutive samples.</summary>
    public double PeriodSeconds => 1.0 / Hertz;

    /// <summary>The time, in seconds from the first sample, of the sample at <paramref name="sampleIndex"/>.</summary>
    public double SecondsAt(double sampleIndex) => sampleIndex / Hertz;

    /// <summary>The number of samples (rounded to nearest) that span <paramref name="seconds"/>.</summary>
    public int SamplesIn(double seconds) => (int)Math.Round(seconds * Hertz, MidpointRounding.AwayFromZero);

    /// <inheritdoc />
    public override string ToString() => Hertz.ToString("0.###", CultureInfo.InvariantCulture) + " Hz";
}
