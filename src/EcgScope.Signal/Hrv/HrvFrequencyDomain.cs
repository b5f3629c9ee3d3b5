using System.Globalization;

namespace EcgScope.Signal.Hrv;

/// <summary>
/// Frequency-domain HRV with the Task Force 1996 bands (Circulation 93(5)): VLF 0.0033–0.04 Hz, LF 0.04–0.15 Hz,
/// HF 0.15–0.4 Hz, powers in ms². The spectrum is the Lomb-Scargle periodogram of the NN series at the beat times
/// (N. R. Lomb, Astrophys. Space Sci. 39, 1976; J. D. Scargle, Astrophys. J. 263, 1982), which needs no
/// interpolation of the unevenly spaced beats and tolerates the gaps left by rejected intervals
/// (G. D. Clifford &amp; L. Tarassenko, IEEE Trans. Biomed. Eng. 52(4), 2005). It is scaled to a one-sided density
/// whose integral is the NN variance, so band powers are comparable to Welch-based figures.
/// </summary>
/// <param name="VlfMs2">VLF power, ms²; null below <see cref="MinimumSecondsForVlf"/> seconds, where the Task Force
/// calls VLF from short recordings dubious.</param>
/// <param name="LfMs2">LF power, ms².</param>
/// <param name="HfMs2">HF power, ms².</param>
/// <param name="LfPeakHz">Frequency of the largest LF periodogram value, Hz.</param>
/// <param name="HfPeakHz">Frequency of the largest HF periodogram value, Hz.</param>
public sealed record HrvFrequencyDomain(double? VlfMs2, double LfMs2, double HfMs2, double LfPeakHz, double HfPeakHz)
{
    /// <summary>Shortest NN span for LF (and so any frequency measure): 2 minutes, per the Task Force.</summary>
    public const double MinimumSeconds = 120;

    /// <summary>Shortest NN span for VLF: 5 minutes.</summary>
    public const double MinimumSecondsForVlf = 300;

    /// <summary>Band edges, Hz.</summary>
    public const double VlfLowHz = 0.0033, LfLowHz = 0.04, HfLowHz = 0.15, HfHighHz = 0.4;

    /// <summary>LF / HF (unitless); positive infinity when HF is 0.</summary>
    public double LfHfRatio => LfMs2 / HfMs2;

    /// <summary>LF in normalised units: 100 · LF / (LF + HF).</summary>
    public double LfNu => 100 * LfMs2 / (LfMs2 + HfMs2);

    /// <summary>HF in normalised units: 100 · HF / (LF + HF).</summary>
    public double HfNu => 100 * HfMs2 / (LfMs2 + HfMs2);

    /// <summary>Total power up to 0.4 Hz (VLF counted when available), ms².</summary>
    public double TotalMs2 => (VlfMs2 ?? 0) + LfMs2 + HfMs2;

    /// <summary>Computes the band powers, or says why the recording is too short.</summary>
    public static HrvResult<HrvFrequencyDomain> Compute(NnIntervals intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var span = intervals.NormalSpanSeconds();
        if (span < MinimumSeconds)
        {
            return HrvResult.Unavailable<HrvFrequencyDomain>(string.Create(
                CultureInfo.InvariantCulture,
                $"needs at least {MinimumSeconds} s of NN intervals for LF power (Task Force 1996), got {span:0.#} s"));
        }

        var times = intervals.EndTimesSeconds.Where((_, i) => intervals.IsNormal[i]).ToArray();
        var values = intervals.NormalIntervalsMs();
        var spectrum = LombScargle.Density(times, values, HfHighHz, span);
        if (spectrum.Power(LfLowHz, HfLowHz) + spectrum.Power(HfLowHz, HfHighHz) <= 0)
        {
            return HrvResult.Unavailable<HrvFrequencyDomain>("the NN intervals do not vary: LF and HF power are both zero");
        }

        return HrvResult.Available(new HrvFrequencyDomain(
            VlfMs2: span >= MinimumSecondsForVlf ? spectrum.Power(VlfLowHz, LfLowHz) : null,
            LfMs2: spectrum.Power(LfLowHz, HfLowHz),
            HfMs2: spectrum.Power(HfLowHz, HfHighHz),
            LfPeakHz: spectrum.PeakFrequency(LfLowHz, HfLowHz),
            HfPeakHz: spectrum.PeakFrequency(HfLowHz, HfHighHz)));
    }
}
