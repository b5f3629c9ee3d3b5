using System.Globalization;
using EcgScope.Core;
using EcgScope.Signal.Synthesis;

namespace EcgScope.Web.Analyses;

/// <summary>What the demo generator is asked for.</summary>
public sealed record DemoRequest
{
    /// <summary>The rhythm.</summary>
    public DemoRhythm Rhythm { get; set; } = DemoRhythm.NormalSinus;

    /// <summary>The heart rate in bpm; empty for the rhythm's typical rate.</summary>
    public double? HeartRateBpm { get; set; }

    /// <summary>The length in seconds.</summary>
    public double DurationSeconds { get; set; } = 30;

    /// <summary>The random seed: the same request gives the same recording.</summary>
    public int Seed { get; set; } = 1;
}

/// <summary>The demo generator's edge: checks a request against what the library's <see cref="DemoEcg"/> accepts, and names what it made.</summary>
public static class DemoRecords
{
    /// <summary>The rhythms, in the order offered.</summary>
    public static IReadOnlyList<DemoRhythm> Rhythms { get; } = Enum.GetValues<DemoRhythm>();

    /// <summary>The rhythm for a person (the English text, which is also its resource key).</summary>
    public static string Label(DemoRhythm rhythm) => rhythm switch
    {
        DemoRhythm.NormalSinus => "Normal sinus rhythm",
        DemoRhythm.AtrialFibrillation => "Atrial fibrillation",
        DemoRhythm.Tachycardia => "Tachycardia",
        DemoRhythm.Bradycardia => "Bradycardia",
        DemoRhythm.Noisy => "Noisy recording",
        _ => rhythm.ToString(),
    };

    /// <summary>What is wrong with <paramref name="request"/>, by field; null when it can be generated.</summary>
    public static Dictionary<string, string[]>? Validate(DemoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Enum.IsDefined(request.Rhythm))
        {
            errors[nameof(DemoRequest.Rhythm)] = [$"'{request.Rhythm}' is not one of {string.Join(", ", Rhythms)}."];
            return errors;
        }

        var range = DemoEcg.HeartRateRange(request.Rhythm);
        if (request.HeartRateBpm is { } bpm && !(bpm >= range.LowestBpm && bpm <= range.HighestBpm))
        {
            errors[nameof(DemoRequest.HeartRateBpm)] = [Text($"{Label(request.Rhythm)} takes a heart rate of {range.LowestBpm:0}–{range.HighestBpm:0} bpm.")];
        }

        if (!(request.DurationSeconds >= DemoEcg.MinimumSeconds && request.DurationSeconds <= DemoEcg.MaximumSeconds))
        {
            errors[nameof(DemoRequest.DurationSeconds)] = [Text($"A demo lasts {DemoEcg.MinimumSeconds:0}–{DemoEcg.MaximumSeconds:0} s.")];
        }

        return errors.Count == 0 ? null : errors;
    }

    /// <summary>The recording <paramref name="request"/> asks for (validate it first).</summary>
    public static EcgRecord Generate(DemoRequest request) =>
        DemoEcg.Generate(request.Rhythm, request.HeartRateBpm, request.DurationSeconds, request.Seed);

    /// <summary>The name the history shows.</summary>
    public static string FileName(DemoRequest request) =>
        Text($"demo-{request.Rhythm.ToString().ToLowerInvariant()}-{request.HeartRateBpm ?? DemoEcg.HeartRateRange(request.Rhythm).DefaultBpm:0}bpm-{request.DurationSeconds:0}s");

    /// <summary>The request in words, for the log.</summary>
    public static string Describe(DemoRequest request) =>
        Text($"{Label(request.Rhythm)}, {request.HeartRateBpm ?? DemoEcg.HeartRateRange(request.Rhythm).DefaultBpm:0} bpm, {request.DurationSeconds:0} s, seed {request.Seed}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
