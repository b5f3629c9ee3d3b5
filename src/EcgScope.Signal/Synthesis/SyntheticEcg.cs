using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Synthesis;

/// <summary>A generated ECG with the ground truth used to make it.</summary>
/// <param name="Record">One lead in mV; its annotations mark every R-peak as a normal beat.</param>
/// <param name="RPeaks">Sample index of each R-peak: the maximum of the clean waveform within 50 ms of the moment the
/// model's phase crosses the R wave.</param>
/// <param name="RrIntervalsSeconds">The RR intervals the model was driven with, seconds, one per beat started.</param>
/// <param name="CleanMillivolts">The waveform before noise, baseline wander and mains were added.</param>
public sealed record SyntheticEcgResult(EcgRecord Record, ImmutableArray<int> RPeaks, ImmutableArray<double> RrIntervalsSeconds, ImmutableArray<double> CleanMillivolts);

/// <summary>
/// ECGSYN, the dynamical model of P. E. McSharry, G. D. Clifford, L. Tarassenko &amp; L. A. Smith, "A dynamical model for
/// generating synthetic electrocardiogram signals", IEEE Trans. Biomed. Eng. 50(3):289–294, 2003. A point circles
/// a limit cycle in the (x, y) plane once per RR interval, from one R wave to the next; P, Q, R, S and T are Gaussian
/// bumps in z at fixed angles; the RR tachogram has a bimodal spectrum (Mayer waves and respiratory sinus arrhythmia).
/// Integrated with fourth-order Runge-Kutta at ≥ 1 kHz internally, scaled to −0.4 … 1.2 mV as ECGSYN does, then
/// sampled at the requested rate; optional white noise, baseline wander and mains interference are added afterwards.
/// With <see cref="SyntheticEcgOptions.AtrialFibrillation"/> the RR intervals are drawn independently instead, the P
/// wave is left out and f-waves are added to the clean waveform (<see cref="AtrialFibrillationOptions"/>). As such
/// intervals change by a third from beat to beat, the arc from the Q wave to the end of the T wave then runs at the
/// mean rate's speed and only the diastole follows the interval, as in real AF: beats keep their shape, where one
/// speed per beat would make one QRS twice as wide as the next.
/// </summary>
public static class SyntheticEcg
{
    // Angles (rad), amplitudes and widths of P, Q, R, S, T from McSharry et al. 2003, Table 1.
    private static readonly double[] Angles = [-Math.PI / 3, -Math.PI / 12, 0, Math.PI / 12, Math.PI / 2];
    private static readonly double[] Amplitudes = [1.2, -5, 30, -7.5, 0.75];
    private static readonly double[] Widths = [0.25, 0.1, 0.1, 0.1, 0.4];
    private const double MinMillivolts = -0.4, MaxMillivolts = 1.2;

    /// <summary>Shortest diastole in atrial fibrillation, seconds: the shortest RR interval is the systole and this.</summary>
    private const double MinimumDiastoleSeconds = 0.05;

    /// <summary>Generates a synthetic ECG (deterministic for a given <see cref="SyntheticEcgOptions.Seed"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public static SyntheticEcgResult Generate(SyntheticEcgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var random = new Random(options.Seed);
        var rate = options.SamplingRate;
        var count = rate.SamplesIn(options.DurationSeconds);
        var steps = (int)Math.Ceiling(1000 / rate.Hertz); // internal steps per output sample
        var dt = rate.PeriodSeconds / steps;

        var waves = WaveShape.For(options);
        var fibrillation = options.AtrialFibrillation;
        var rr = fibrillation is null
            ? RrTachogram(options, random)
            : AtrialFibrillationModel.RrIntervals(
                waves.MeanRrSeconds, fibrillation.RrCoefficientOfVariation, waves.ShortestFibrillationRrSeconds, options.DurationSeconds, random);
        var (clean, phaseCrossings, used) = Integrate(waves, Speeds(rr, waves, fibrillation is not null), count, steps, dt);
        ScaleToMillivolts(clean);
        if (fibrillation is not null)
        {
            AtrialFibrillationModel.AddFibrillatoryWaves(clean, rate, fibrillation, random);
        }

        var peaks = phaseCrossings.Select(crossing => RefinePeak(clean, crossing, rate.SamplesIn(0.05))).Distinct().ToImmutableArray();

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var t = rate.SecondsAt(i);
            samples[i] = clean[i]
                + (options.BaselineWanderMillivolts * Math.Sin(2 * Math.PI * options.BaselineWanderHz * t))
                + (options.MainsMillivolts * Math.Sin(2 * Math.PI * options.MainsHz * t))
                + (options.NoiseMillivolts * Gaussian(random));
        }

        var record = new EcgRecord([EcgLead.FromOwnedArray(options.LeadName, samples)], rate)
        {
            Annotations = [.. peaks.Select(peak => new Annotation(peak, AnnotationCode.Normal))],
            Metadata = new EcgMetadata { SourceFormat = "ECGSYN (synthetic)" },
        };
        return new SyntheticEcgResult(record, peaks, [.. rr.Take(used)], [.. clean]);
    }

    /// <summary>
    /// RR intervals (s) whose spectrum is the sum of two Gaussians, at 0.1 Hz (σ 0.01) and 0.25 Hz (σ 0.01), with
    /// power ratio LF/HF, random phases, scaled to the requested heart-rate spread (McSharry 2003, eq. 4-5). The
    /// series is evaluated beat by beat as a sum of sinusoids at the elapsed time.
    /// </summary>
    private static double[] RrTachogram(SyntheticEcgOptions options, Random random)
    {
        var meanRr = 60 / options.HeartRateBpm;
        var rrStd = 60 * options.HeartRateStdBpm / (options.HeartRateBpm * options.HeartRateBpm);
        const int components = 64;
        var frequencies = new double[components];
        var amplitudes = new double[components];
        var phases = new double[components];
        var variance = 0.0;
        for (var k = 0; k < components; k++)
        {
            frequencies[k] = 0.5 * (k + 1) / components; // 0.0078 … 0.5 Hz
            amplitudes[k] = Math.Sqrt(
                (options.LfHfRatio * Bump(frequencies[k], 0.1)) + Bump(frequencies[k], 0.25));
            phases[k] = 2 * Math.PI * random.NextDouble();
            variance += amplitudes[k] * amplitudes[k] / 2;
        }

        var scale = variance > 0 ? rrStd / Math.Sqrt(variance) : 0;
        var beats = (int)Math.Ceiling(options.DurationSeconds / (meanRr - (3 * rrStd))) + 2;
        var rr = new double[beats];
        var time = 0.0;
        for (var n = 0; n < beats; n++)
        {
            var modulation = 0.0;
            for (var k = 0; k < components; k++)
            {
                modulation += amplitudes[k] * Math.Sin((2 * Math.PI * frequencies[k] * time) + phases[k]);
            }

            rr[n] = Math.Max(0.25, meanRr + (scale * modulation));
            time += rr[n];
        }

        return rr;

        static double Bump(double f, double centre) => Math.Exp(-(f - centre) * (f - centre) / (2 * 0.01 * 0.01));
    }

    /// <summary>
    /// The angular speeds during each RR interval: one speed over the whole cycle in sinus rhythm; in atrial
    /// fibrillation the mean rate's speed over the systole and whatever the interval leaves over the diastole.
    /// </summary>
    private static CycleSpeed[] Speeds(double[] rr, WaveShape waves, bool fibrillation) =>
    [
        .. rr.Select(interval => fibrillation
            ? new CycleSpeed(waves.SystoleArc / waves.SystoleSeconds, ((2 * Math.PI) - waves.SystoleArc) / (interval - waves.SystoleSeconds))
            : new CycleSpeed(2 * Math.PI / interval, 2 * Math.PI / interval)),
    ];

    private static (double[] Clean, List<int> PhaseCrossings, int BeatsUsed) Integrate(
        WaveShape waves, CycleSpeed[] speeds, int count, int steps, double dt)
    {
        var clean = new double[count];
        var crossings = new List<int>();
        var beat = 0;
        var state = (X: -1.0, Y: -1e-12, Z: 0.0); // start just past θ = −π, in diastole, so no R wave at t = 0
        for (var i = 0; i < count; i++)
        {
            clean[i] = state.Z;
            for (var s = 0; s < steps; s++)
            {
                var before = Math.Atan2(state.Y, state.X);
                var omega = waves.InSystole(before) ? speeds[beat].Systole : speeds[beat].Diastole;
                state = RungeKutta(state, omega, dt, waves.Angles, waves.Widths, waves.Amplitudes);
                var after = Math.Atan2(state.Y, state.X);
                if (before < 0 && after >= 0)
                {
                    // θ passed the R wave: the next RR interval starts.
                    crossings.Add(i);
                    beat = Math.Min(beat + 1, speeds.Length - 1);
                }
            }
        }

        return (clean, crossings, beat + 1);
    }

    private static (double X, double Y, double Z) RungeKutta(
        (double X, double Y, double Z) s, double omega, double dt, double[] angles, double[] widths, double[] amplitudes)
    {
        var k1 = Derivative(s, omega, angles, widths, amplitudes);
        var k2 = Derivative(Step(s, k1, dt / 2), omega, angles, widths, amplitudes);
        var k3 = Derivative(Step(s, k2, dt / 2), omega, angles, widths, amplitudes);
        var k4 = Derivative(Step(s, k3, dt), omega, angles, widths, amplitudes);
        return (
            s.X + (dt / 6 * (k1.X + (2 * k2.X) + (2 * k3.X) + k4.X)),
            s.Y + (dt / 6 * (k1.Y + (2 * k2.Y) + (2 * k3.Y) + k4.Y)),
            s.Z + (dt / 6 * (k1.Z + (2 * k2.Z) + (2 * k3.Z) + k4.Z)));

        static (double X, double Y, double Z) Step((double X, double Y, double Z) s, (double X, double Y, double Z) d, double h) =>
            (s.X + (h * d.X), s.Y + (h * d.Y), s.Z + (h * d.Z));
    }

    /// <summary>McSharry 2003, eq. 3, with the baseline z₀ = 0 (wander is added after scaling).</summary>
    private static (double X, double Y, double Z) Derivative(
        (double X, double Y, double Z) s, double omega, double[] angles, double[] widths, double[] amplitudes)
    {
        var alpha = 1 - Math.Sqrt((s.X * s.X) + (s.Y * s.Y));
        var theta = Math.Atan2(s.Y, s.X);
        var dz = -s.Z;
        for (var i = 0; i < angles.Length; i++)
        {
            var delta = Math.IEEERemainder(theta - angles[i], 2 * Math.PI);
            dz -= amplitudes[i] * delta * Math.Exp(-(delta * delta) / (2 * widths[i] * widths[i]));
        }

        return ((alpha * s.X) - (omega * s.Y), (alpha * s.Y) + (omega * s.X), dz);
    }

    private static void ScaleToMillivolts(double[] z)
    {
        var min = z.Min();
        var max = z.Max();
        var scale = max > min ? (MaxMillivolts - MinMillivolts) / (max - min) : 0;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = MinMillivolts + ((z[i] - min) * scale);
        }
    }

    private static int RefinePeak(double[] clean, int around, int radius)
    {
        var best = around;
        for (var i = Math.Max(0, around - radius); i <= Math.Min(clean.Length - 1, around + radius); i++)
        {
            if (clean[i] > clean[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>A standard normal draw.</summary>
    internal static double Gaussian(Random random)
    {
        // Box–Muller transform.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void Validate(SyntheticEcgOptions options)
    {
        if (!double.IsFinite(options.DurationSeconds) || options.SamplingRate.SamplesIn(options.DurationSeconds) < 2 || options.DurationSeconds > 86_400)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DurationSeconds, "Duration must cover at least 2 samples and at most 86 400 s.");
        }

        if (!double.IsFinite(options.HeartRateBpm) || options.HeartRateBpm is < 20 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HeartRateBpm, "Heart rate must be between 20 and 200 bpm.");
        }

        if (!double.IsFinite(options.QrsWidthScale) || options.QrsWidthScale is < 0.3 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.QrsWidthScale, "The QRS width factor must be between 0.3 and 3.");
        }

        if (!double.IsFinite(options.HeartRateStdBpm) || options.HeartRateStdBpm < 0 || options.HeartRateStdBpm > options.HeartRateBpm / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HeartRateStdBpm, "Heart-rate deviation must be between 0 and a quarter of the heart rate.");
        }

        if (options.AtrialFibrillation is { } fibrillation)
        {
            ValidateFibrillation(fibrillation, options);
        }

        foreach (var (value, name) in new[] { (options.LfHfRatio, "LF/HF ratio"), (options.NoiseMillivolts, "noise"), (options.BaselineWanderMillivolts, "baseline wander"), (options.MainsMillivolts, "mains amplitude"), (options.BaselineWanderHz, "baseline frequency"), (options.MainsHz, "mains frequency") })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), value, $"The {name} must be a finite non-negative number.");
            }
        }
    }

    /// <summary>Angular speeds (rad/s) during one RR interval: over the systole and over the rest of the cycle.</summary>
    private readonly record struct CycleSpeed(double Systole, double Diastole);

    /// <summary>Angles, widths (rad) and amplitudes of P, Q, R, S and T, adapted to the mean RR interval (s).</summary>
    private sealed record WaveShape(double[] Angles, double[] Widths, double[] Amplitudes, double MeanRrSeconds)
    {
        /// <summary>Start of the systole: three widths before the Q wave.</summary>
        private double SystoleStart => Angles[1] - (3 * Widths[1]);

        /// <summary>The arc from three widths before the Q wave to two after the T wave, rad.</summary>
        public double SystoleArc => Angles[4] + (2 * Widths[4]) - SystoleStart;

        /// <summary>How long the systole lasts at the mean rate, seconds.</summary>
        public double SystoleSeconds => SystoleArc / (2 * Math.PI) * MeanRrSeconds;

        /// <summary>Shortest RR interval in atrial fibrillation, seconds: the systole and the shortest diastole, at least 0.25.</summary>
        public double ShortestFibrillationRrSeconds => Math.Max(0.25, SystoleSeconds + MinimumDiastoleSeconds);

        /// <summary>Whether the phase <paramref name="theta"/> (−π … π) lies in the systole, which may wrap past π.</summary>
        public bool InSystole(double theta)
        {
            var offset = (theta - SystoleStart) % (2 * Math.PI);
            return (offset < 0 ? offset + (2 * Math.PI) : offset) < SystoleArc;
        }

        /// <summary>The shape at the options' heart rate and QRS width, without a P wave in atrial fibrillation.</summary>
        public static WaveShape For(SyntheticEcgOptions options)
        {
            // Wave widths and angles adapt to the heart rate as in ECGSYN's reference code.
            var hrFactor = Math.Sqrt(options.HeartRateBpm / 60);
            var hrFactor2 = Math.Sqrt(hrFactor);
            double[] angleScale = [hrFactor2, hrFactor, 1, hrFactor, hrFactor2];
            bool[] isQrs = [false, true, true, true, false];
            var amplitudes = SyntheticEcg.Amplitudes.Select((amplitude, i) => isQrs[i] ? amplitude / (options.QrsWidthScale * options.QrsWidthScale) : amplitude).ToArray();
            if (options.AtrialFibrillation is not null)
            {
                amplitudes[0] = 0; // no organised atrial depolarisation: no P wave
            }

            return new WaveShape(
                [.. SyntheticEcg.Angles.Select((angle, i) => angle * angleScale[i])],
                [.. SyntheticEcg.Widths.Select((width, i) => width * hrFactor * (isQrs[i] ? options.QrsWidthScale : 1))],
                amplitudes,
                60 / options.HeartRateBpm);
        }
    }

    private static void ValidateFibrillation(AtrialFibrillationOptions fibrillation, SyntheticEcgOptions options)
    {
        if (!double.IsFinite(fibrillation.RrCoefficientOfVariation) || fibrillation.RrCoefficientOfVariation is < 0 or > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(options), fibrillation.RrCoefficientOfVariation, "The RR coefficient of variation must be between 0 and 0.5.");
        }

        if (!double.IsFinite(fibrillation.FibrillatoryWaveHz) || fibrillation.FibrillatoryWaveHz is < 4 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(options), fibrillation.FibrillatoryWaveHz, "The f-wave frequency must be between 4 and 9 Hz.");
        }

        var highestHarmonicHz = AtrialFibrillationModel.Harmonics * (fibrillation.FibrillatoryWaveHz + AtrialFibrillationModel.FrequencyDeviationHz);
        if (highestHarmonicHz >= options.SamplingRate.Hertz / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), fibrillation.FibrillatoryWaveHz, $"The f-waves reach {highestHarmonicHz:0.#} Hz, above the Nyquist frequency of {options.SamplingRate}.");
        }

        if (!double.IsFinite(fibrillation.FibrillatoryWaveMillivolts) || fibrillation.FibrillatoryWaveMillivolts is < 0 or > 0.2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), fibrillation.FibrillatoryWaveMillivolts, "The f-wave amplitude must be between 0 and 0.2 mV.");
        }

        var waves = WaveShape.For(options);
        if (waves.ShortestFibrillationRrSeconds >= waves.MeanRrSeconds)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.HeartRateBpm, $"At {options.HeartRateBpm:0.#} bpm the QRS and T waves leave no diastole for atrial fibrillation; choose a slower rate or a narrower QRS.");
        }
    }
}
