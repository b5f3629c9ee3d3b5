using EcgScope.Core;

namespace EcgScope.Signal.Synthesis;

/// <summary>Parameters of <see cref="SyntheticEcg.Generate"/>. Every default gives a clean 60 s, 60 bpm lead at 360 Hz.</summary>
public sealed record SyntheticEcgOptions
{
    /// <summary>Output sampling rate (default 360 Hz).</summary>
    public SamplingRate SamplingRate { get; init; } = new(360);

    /// <summary>Length, in seconds (default 60).</summary>
    public double DurationSeconds { get; init; } = 60;

    /// <summary>Mean heart rate, beats per minute (default 60; 20–200 accepted).</summary>
    public double HeartRateBpm { get; init; } = 60;

    /// <summary>
    /// Standard deviation of the heart rate, bpm (default 1; 0 gives a perfectly regular rhythm). Not used with
    /// <see cref="AtrialFibrillation"/>.
    /// </summary>
    public double HeartRateStdBpm { get; init; } = 1;

    /// <summary>
    /// LF/HF power ratio of the RR modulation (Mayer waves at 0.1 Hz vs respiration at 0.25 Hz; default 0.5). Not used
    /// with <see cref="AtrialFibrillation"/>.
    /// </summary>
    public double LfHfRatio { get; init; } = 0.5;

    /// <summary>Standard deviation of added white Gaussian noise, mV (default 0).</summary>
    public double NoiseMillivolts { get; init; }

    /// <summary>Amplitude of a sinusoidal baseline wander, mV (default 0).</summary>
    public double BaselineWanderMillivolts { get; init; }

    /// <summary>Frequency of the baseline wander, Hz (default 0.25, breathing).</summary>
    public double BaselineWanderHz { get; init; } = 0.25;

    /// <summary>Amplitude of mains interference, mV (default 0).</summary>
    public double MainsMillivolts { get; init; }

    /// <summary>Mains frequency, Hz (default 50).</summary>
    public double MainsHz { get; init; } = 50;

    /// <summary>
    /// Factor on the widths of the Q, R and S waves (default 1, McSharry's published values; Q/R/S amplitudes are
    /// scaled by its inverse square so the wave heights stay the same). The published QRS is smoother than a
    /// real one (R-wave σ ≈ 16 ms at 60 bpm): its 5–15 Hz share of 5–40 Hz power (pSQI) is about 0.95, above the
    /// 0.5–0.8 of clean real ECG, so <c>SignalQuality</c> flags it; 0.6 brings it to 0.8 or below from 75 bpm up
    /// (at 60 bpm the 1 Hz fundamental of the P and T waves also lowers basSQI to about 0.92).
    /// </summary>
    public double QrsWidthScale { get; init; } = 1;

    /// <summary>
    /// Atrial fibrillation instead of sinus rhythm (default null, sinus): irregular RR intervals around
    /// <see cref="HeartRateBpm"/>, no P wave, f-waves.
    /// </summary>
    public AtrialFibrillationOptions? AtrialFibrillation { get; init; }

    /// <summary>Seed of the random generator: the same options give the same signal.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Name of the generated lead (default "ECGSYN").</summary>
    public string LeadName { get; init; } = "ECGSYN";
}
