using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Signal.Resampling;

namespace EcgScope.Signal.Benchmarking;

/// <summary>
/// PhysioNet's noise stress test (WFDB <c>nst</c>; Moody, Muldrow &amp; Mark, Computers in Cardiology 11:381-384,
/// 1984): adds a recorded noise signal to a clean, annotated ECG at a chosen signal-to-noise ratio, so that the
/// Noise Stress Test Database's "12 dB" means the same here.
/// </summary>
/// <remarks>
/// As <c>nst</c> does with its default protocol: the first <see cref="CleanStart"/> stays clean, then the noise is
/// switched on and off in alternating <see cref="SegmentLength"/> segments to the end of the record. The SNR is
/// 10 log10(S/N) with the signal measured as the trimmed-mean peak-to-peak amplitude of normal QRS complexes and the
/// noise as its trimmed-mean RMS amplitude (<see cref="SignalAmplitude"/>), the peak-to-peak amplitude being taken as
/// that of a sinusoid: the noise gain is 10^(-SNR/20) · (√2/4) · A_QRS / A_noise. Where the gain switches, a constant
/// offset keeps the output continuous, as <c>nst</c> does. Lead <c>i</c> receives noise lead <c>i mod n</c>; noise
/// recorded at another rate is resampled; a noise record shorter than the ECG is repeated from its start.
/// </remarks>
public static class NoiseStressTest
{
    /// <summary>The clean start of <c>nst</c>'s protocol: five minutes.</summary>
    public static TimeSpan CleanStart { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The length of each noisy and each clean segment after the start: two minutes.</summary>
    public static TimeSpan SegmentLength { get; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The clean record with noise added at <paramref name="snrDecibels"/>; annotations and metadata are kept, with a
    /// comment saying what was added.
    /// </summary>
    /// <param name="clean">The ECG, with beat annotations (their normal beats set the signal amplitude).</param>
    /// <param name="noise">The noise record, for example the NSTDB's <c>em</c>, <c>ma</c> or <c>bw</c>.</param>
    /// <param name="snrDecibels">The signal-to-noise ratio in the noisy segments, in dB.</param>
    /// <param name="noiseName">How the added noise is named in the comment (for example "ma").</param>
    /// <exception cref="ArgumentException">The clean record has no measurable normal beat in a lead, or a noise lead is flat.</exception>
    public static EcgRecord AddNoise(EcgRecord clean, EcgRecord noise, double snrDecibels, string noiseName)
    {
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentException.ThrowIfNullOrWhiteSpace(noiseName);
        if (!double.IsFinite(snrDecibels))
        {
            throw new ArgumentOutOfRangeException(nameof(snrDecibels), snrDecibels, "The SNR must be a finite number of decibels.");
        }

        if (noise.SamplingRate != clean.SamplingRate)
        {
            noise = Resampler.Resample(noise, clean.SamplingRate);
        }

        var switches = GainSwitches(clean.SampleCount, clean.SamplingRate);
        var leads = ImmutableArray.CreateBuilder<EcgLead>(clean.Leads.Length);
        var gains = new List<string>(clean.Leads.Length);
        for (var i = 0; i < clean.Leads.Length; i++)
        {
            var lead = clean.Leads[i];
            var noiseLead = noise.Leads[i % noise.Leads.Length];
            var gain = NoiseGain(lead, clean, noiseLead, snrDecibels);
            leads.Add(lead.WithSamples(Mix(lead.Span, noiseLead.Span, gain, switches)));
            gains.Add(gain.ToString("0.####", CultureInfo.InvariantCulture));
        }

        var comment = string.Create(
            CultureInfo.InvariantCulture,
            $"noise stress test: {noiseName} added at {snrDecibels:0.##} dB SNR from {CleanStart.TotalMinutes:0} min in alternating {SegmentLength.TotalMinutes:0} min segments, gain {string.Join(", ", gains)}");
        return clean.WithLeads(leads.ToImmutable(), clean.SamplingRate) with
        {
            Metadata = clean.Metadata with { Comments = clean.Metadata.Comments.Add(comment) },
        };
    }

    /// <summary>The ratio of noise RMS to QRS peak-to-peak amplitude that gives <paramref name="snrDecibels"/>.</summary>
    public static double NoiseToSignalRatio(double snrDecibels) => Math.Pow(10, -snrDecibels / 20) * Math.Sqrt(2) / 4;

    /// <summary>Whether the protocol adds noise at <paramref name="sampleIndex"/> of a record at <paramref name="rate"/>.</summary>
    public static bool IsNoisy(int sampleIndex, SamplingRate rate)
    {
        var start = rate.SamplesIn(CleanStart.TotalSeconds);
        return sampleIndex >= start && (sampleIndex - start) / rate.SamplesIn(SegmentLength.TotalSeconds) % 2 == 0;
    }

    private static double NoiseGain(EcgLead lead, EcgRecord clean, EcgLead noiseLead, double snrDecibels)
    {
        var signal = SignalAmplitude.QrsPeakToPeak(lead.Span, clean.Annotations, clean.SamplingRate);
        if (!(signal > 0))
        {
            throw new ArgumentException($"Lead {lead.Name} has no normal beat annotation whose QRS amplitude can be measured.", nameof(clean));
        }

        var noiseAmplitude = SignalAmplitude.Rms(noiseLead.Span, clean.SamplingRate);
        if (!(noiseAmplitude > 0))
        {
            throw new ArgumentException($"Noise lead {noiseLead.Name} is flat or shorter than a second: it cannot be scaled.", nameof(clean));
        }

        return NoiseToSignalRatio(snrDecibels) * signal / noiseAmplitude;
    }

    /// <summary>The samples where the noise is switched on or off, ascending; the last one ends the record.</summary>
    private static List<int> GainSwitches(int length, SamplingRate rate)
    {
        var switches = new List<int>();
        var segment = rate.SamplesIn(SegmentLength.TotalSeconds);
        for (var t = rate.SamplesIn(CleanStart.TotalSeconds); t < length; t += segment)
        {
            switches.Add(t);
        }

        return switches;
    }

    /// <summary>
    /// signal + g·noise, with g switching between <paramref name="gain"/> and 0 at each of <paramref name="switches"/>
    /// and an offset fixed at each switch so that the output does not jump there.
    /// </summary>
    private static double[] Mix(ReadOnlySpan<double> signal, ReadOnlySpan<double> noise, double gain, List<int> switches)
    {
        var output = new double[signal.Length];
        var currentGain = 0.0;
        var offset = 0.0;
        var next = 0;
        for (var t = 0; t < signal.Length; t++)
        {
            if (next < switches.Count && t == switches[next])
            {
                currentGain = gain - currentGain;
                var previous = t - 1;
                offset = ContinuityOffset(signal, noise, previous, currentGain, output[previous]);
                next++;
            }

            output[t] = signal[t] + (currentGain * noise[t % noise.Length]) - offset;
        }

        return output;
    }

    /// <summary>The offset that makes sample <paramref name="index"/> come out unchanged under the new gain (0 where it is missing).</summary>
    private static double ContinuityOffset(ReadOnlySpan<double> signal, ReadOnlySpan<double> noise, int index, double gain, double output)
    {
        var offset = signal[index] + (gain * noise[index % noise.Length]) - output;
        return double.IsFinite(offset) ? offset : 0;
    }
}
