using System.Globalization;
using EcgScope.Cli.Output;
using EcgScope.Core;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Hrv;
using EcgScope.Signal.Quality;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope analyze</c> prints for one file.</summary>
internal sealed record AnalyzeReport(
    string File,
    string Format,
    double SamplingRateHz,
    double DurationSeconds,
    string Detector,
    CleaningApplied Cleaning,
    string? DeviceClassification,
    double? DeviceHeartRateBpm,
    IReadOnlyList<LeadReport> Leads,
    string Disclaimer) : ITextReport
{
    /// <summary>Shown wherever a person sees measurements.</summary>
    public const string DisclaimerText =
        "EcgScope measures signals; it does not diagnose. These figures are not medical advice: "
        + "see a qualified clinician about any concern.";

    public static AnalyzeReport From(string file, string readerName, EcgRecord record, EcgAnalysisResult analysis, bool includePeaks) => new(
        file,
        record.Metadata.SourceFormat ?? readerName,
        record.SamplingRate.Hertz,
        record.DurationSeconds,
        analysis.DetectorName,
        analysis.Cleaning,
        record.Metadata.DeviceClassification,
        record.Metadata.DeviceHeartRateBpm,
        [.. analysis.Leads.Select(lead => LeadReport.From(lead, record.SamplingRate, includePeaks))],
        DisclaimerText);

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"{File} ({Format}, {SamplingRateHz:0.###} Hz, {DurationSeconds:0.#} s, R-peaks by {Detector})"));
        var notch = Cleaning.NotchHz is { } mains ? string.Create(text, $", {mains:0.##} Hz notch") : ", no notch";
        writer.WriteLine(string.Create(text, $"  cleaned with a zero-phase {Cleaning.HighPassHz:0.##}-{Cleaning.LowPassHz:0.##} Hz band-pass{notch}"));
        if (DeviceClassification is not null)
        {
            writer.WriteLine(string.Create(text, $"  device says: {DeviceClassification}{(DeviceHeartRateBpm is { } bpm ? $", {bpm:0} bpm" : "")}"));
        }

        foreach (var lead in Leads)
        {
            lead.WriteText(writer);
        }

        writer.WriteLine();
        writer.WriteLine(Disclaimer);
    }
}

/// <summary>The measurements of one lead.</summary>
internal sealed record LeadReport(
    string Name,
    int RPeakCount,
    double? HeartRateBpm,
    double? MedianHeartRateBpm,
    double? MinHeartRateBpm,
    double? MaxHeartRateBpm,
    HrvTimeDomain? HrvTimeDomain,
    HrvFrequencyDomain? HrvFrequencyDomain,
    PoincarePlot? Poincare,
    IReadOnlyDictionary<string, string> HrvUnavailable,
    QualityReport Quality,
    IReadOnlyList<double>? RPeakSeconds)
{
    public static LeadReport From(LeadAnalysis lead, SamplingRate rate, bool includePeaks)
    {
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        AddIfUnavailable(unavailable, "timeDomain", lead.Hrv.TimeDomain);
        AddIfUnavailable(unavailable, "frequencyDomain", lead.Hrv.FrequencyDomain);
        AddIfUnavailable(unavailable, "poincare", lead.Hrv.Poincare);
        return new LeadReport(
            lead.LeadName,
            lead.RPeaks.Length,
            lead.HeartRate?.MeanBpm,
            lead.HeartRate?.MedianBpm,
            lead.HeartRate?.MinBpm,
            lead.HeartRate?.MaxBpm,
            lead.Hrv.TimeDomain.Value,
            lead.Hrv.FrequencyDomain.Value,
            lead.Hrv.Poincare.Value,
            unavailable,
            QualityReport.From(lead.Quality),
            includePeaks ? [.. lead.RPeaks.Select(peak => rate.SecondsAt(peak))] : null);
    }

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine();
        writer.WriteLine(string.Create(text, $"  lead {Name}"));
        writer.WriteLine(string.Create(text, $"    R-peaks          {RPeakCount}"));
        writer.WriteLine(HeartRateBpm is { } mean
            ? string.Create(text, $"    heart rate       {mean:0} bpm (median {MedianHeartRateBpm:0}, range {MinHeartRateBpm:0} to {MaxHeartRateBpm:0})")
            : "    heart rate       not measurable (fewer than two R-peaks)");
        writer.WriteLine(string.Create(text, $"    quality          {Quality.Verdict} (score {Quality.Score:0.00})"));
        foreach (var reason in Quality.Reasons)
        {
            writer.WriteLine($"                     - {reason}");
        }

        if (HrvTimeDomain is { } time)
        {
            writer.WriteLine(string.Create(text, $"    HRV              SDNN {time.SdnnMs:0.0} ms, RMSSD {time.RmssdMs:0.0} ms, pNN50 {time.Pnn50Percent:0.0} %, mean NN {time.MeanNnMs:0} ms"));
        }

        if (HrvFrequencyDomain is { } frequency)
        {
            writer.WriteLine(string.Create(text, $"    HRV spectrum     LF {frequency.LfMs2:0} ms², HF {frequency.HfMs2:0} ms², LF/HF {frequency.LfHfRatio:0.00}"));
        }

        if (Poincare is { } poincare)
        {
            writer.WriteLine(string.Create(text, $"    Poincaré         SD1 {poincare.Sd1Ms:0.0} ms, SD2 {poincare.Sd2Ms:0.0} ms"));
        }

        foreach (var (measure, reason) in HrvUnavailable)
        {
            writer.WriteLine($"    HRV {Words(measure)}: not computed: {reason}");
        }
    }

    /// <summary>"frequencyDomain" as "frequency domain": the JSON key, spelled for a person.</summary>
    private static string Words(string camelCase) =>
        string.Concat(camelCase.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static void AddIfUnavailable<T>(Dictionary<string, string> unavailable, string name, HrvResult<T> result)
        where T : class
    {
        if (result.UnavailableReason is { } reason)
        {
            unavailable[name] = reason;
        }
    }
}

/// <summary>Signal quality of one lead, with the indices behind the verdict.</summary>
internal sealed record QualityReport(double Score, QualityVerdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<QualityIndex> Indices)
{
    public static QualityReport From(LeadQuality quality) =>
        new(quality.Score, quality.Verdict, [.. quality.Reasons], quality.Indices);
}
