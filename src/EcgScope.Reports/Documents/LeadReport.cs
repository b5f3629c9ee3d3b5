using System.Globalization;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Hrv;

namespace EcgScope.Reports.Documents;

/// <summary>The measurements of one lead.</summary>
public sealed record LeadReport(
    string Name,
    int RPeakCount,
    RrCorrectionsOutput RrCorrections,
    double? HeartRateBpm,
    double? MedianHeartRateBpm,
    double? MinHeartRateBpm,
    double? MaxHeartRateBpm,
    HrvTimeDomainOutput? HrvTimeDomain,
    HrvFrequencyDomainOutput? HrvFrequencyDomain,
    PoincareOutput? Poincare,
    IReadOnlyDictionary<string, string> HrvUnavailable,
    QualityOutput Quality,
    WavesOutput Waves,
    IReadOnlyList<double>? RPeakSeconds)
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>The report of the library's result, field by field.</summary>
    public static LeadReport From(LeadAnalysis lead, EcgScope.Core.SamplingRate rate, bool includePeaks)
    {
        var unavailable = new SortedDictionary<string, string>(StringComparer.Ordinal);
        AddIfUnavailable(unavailable, "timeDomain", lead.Hrv.TimeDomain);
        AddIfUnavailable(unavailable, "frequencyDomain", lead.Hrv.FrequencyDomain);
        AddIfUnavailable(unavailable, "poincare", lead.Hrv.Poincare);
        return new LeadReport(
            lead.LeadName,
            lead.RPeaks.Length,
            RrCorrectionsOutput.From(lead.Corrected.Corrections),
            lead.HeartRate?.MeanBpm,
            lead.HeartRate?.MedianBpm,
            lead.HeartRate?.MinBpm,
            lead.HeartRate?.MaxBpm,
            lead.Hrv.TimeDomain.Value is { } time ? HrvTimeDomainOutput.From(time) : null,
            lead.Hrv.FrequencyDomain.Value is { } frequency ? HrvFrequencyDomainOutput.From(frequency) : null,
            lead.Hrv.Poincare.Value is { } poincare ? PoincareOutput.From(poincare) : null,
            unavailable,
            QualityOutput.From(lead.Quality),
            WavesOutput.From(lead.Waves),
            includePeaks ? [.. lead.RPeaks.Select(peak => rate.SecondsAt(peak))] : null);
    }

    /// <summary>The quality reasons as printed.</summary>
    public IEnumerable<string> QualityNotes() => Quality.Reasons;

    /// <summary>"HRV frequency domain: not computed: …", the JSON key spelled for a person.</summary>
    public static string HrvNote(string measure, string reason) =>
        $"HRV {string.Concat(measure.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()))}: not computed: {reason}";

    /// <summary>Writes the lead, leaving out <paramref name="shared"/> notes already printed for every lead.</summary>
    public void WriteText(TextWriter writer, IReadOnlyList<string> shared)
    {
        writer.WriteLine();
        writer.WriteLine($"  lead {Name}");
        var corrections = RrCorrections.Total == 0 ? "none corrected"
            : string.Create(Text, $"{RrCorrections.Total} corrected: {RrCorrections.Ectopic} ectopic, {RrCorrections.Missed} missed, {RrCorrections.Extra} extra, {RrCorrections.LongShort} long/short");
        writer.WriteLine(string.Create(Text, $"    R-peaks          {RPeakCount} ({corrections})"));
        writer.WriteLine(HeartRateBpm is { } mean
            ? string.Create(Text, $"    heart rate       {mean:0} bpm mean, {MedianHeartRateBpm:0} median (range {MinHeartRateBpm:0} to {MaxHeartRateBpm:0}), corrected R-peaks")
            : "    heart rate       not measurable (fewer than two R-peaks)");
        writer.WriteLine($"    quality          {Quality.Verdict}");
        foreach (var reason in Quality.Reasons.Where(reason => !shared.Contains(reason)))
        {
            writer.WriteLine($"                     - {reason}");
        }

        WriteWaves(writer);
        if (HrvTimeDomain is { } time)
        {
            writer.WriteLine(string.Create(Text, $"    HRV              SDNN {time.SdnnMs:0.0} ms, RMSSD {time.RmssdMs:0.0} ms, pNN50 {time.Pnn50Percent:0.0} %, mean NN {time.MeanNnMs:0} ms"));
        }

        if (HrvFrequencyDomain is { } frequency)
        {
            writer.WriteLine(string.Create(Text, $"    HRV spectrum     LF {frequency.LfMs2:0} ms², HF {frequency.HfMs2:0} ms², LF/HF {frequency.LfHfRatio:0.00}"));
        }

        if (Poincare is { } poincare)
        {
            writer.WriteLine(string.Create(Text, $"    Poincaré         SD1 {poincare.Sd1Ms:0.0} ms, SD2 {poincare.Sd2Ms:0.0} ms"));
        }

        foreach (var (measure, reason) in HrvUnavailable)
        {
            if (!shared.Any(note => note.StartsWith(HrvNote(measure, ""), StringComparison.Ordinal)))
            {
                writer.WriteLine($"    {HrvNote(measure, reason)}");
            }
        }

        if (RPeakSeconds is { } seconds)
        {
            writer.WriteLine($"    R-peak times (s) {string.Join(" ", seconds.Select(s => s.ToString("0.###", Text)))}");
        }
    }

    private void WriteWaves(TextWriter writer)
    {
        if (Waves.NotMeasuredReason is { } reason)
        {
            writer.WriteLine($"    waves            not measured: {reason}");
            return;
        }

        writer.WriteLine(string.Create(Text, $"    intervals        {Waves.Intervals.Describe()}, median of {Waves.DelineatedBeats} delineated beats"));
        var tWave = Waves.TAmplitudeMillivolts is { } amplitude
            ? string.Create(Text, $"{amplitude:+0.00;-0.00} mV{(Waves.TWaveInverted == true ? " (inverted)" : "")}")
            : "not measurable";
        var st = Waves.StDeviationMillivolts is { } deviation ? string.Create(Text, $"{deviation:+0.00;-0.00} mV") : "not measurable";
        writer.WriteLine($"    T wave           {tWave}; ST at J+60 ms {st} (against the PR baseline)");
    }

    private static void AddIfUnavailable<T>(SortedDictionary<string, string> unavailable, string name, HrvResult<T> result)
        where T : class
    {
        if (result.UnavailableReason is { } reason)
        {
            unavailable[name] = reason;
        }
    }
}
