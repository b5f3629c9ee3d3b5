using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EcgScope.Formats.Pdf;

/// <summary>
/// What the page says above the strips, less the person's name and date of birth (never read, for privacy):
/// the classification with the average heart rate, the interpretation sentence, when the ECG was recorded, and the
/// reported symptoms.
/// </summary>
internal sealed partial record AppleEcgHeader(
    string? Classification,
    double? AverageBpm,
    string? Interpretation,
    string? RecordedOn,
    DateTime? Recorded,
    ImmutableArray<string> Symptoms)
{
    /// <summary>Apple's classifications, longest first so that "Atrial Fibrillation with High Heart Rate" wins.</summary>
    private static readonly string[] KnownClassifications =
    [
        "Atrial Fibrillation with High Heart Rate", "Atrial Fibrillation", "Sinus Rhythm", "Inconclusive",
        "Poor Recording", "Heart Rate Over 150", "Heart Rate Under 50",
    ];

    private static readonly string[] RecordedFormats = ["MMM d, yyyy 'at' h:mm tt", "MMM d, yyyy 'at' H:mm"];

    /// <summary>Reads the header from the runs above <paramref name="stripsTop"/> (the highest strip's top edge).</summary>
    public static AppleEcgHeader Parse(IReadOnlyList<TextRun> runs, double stripsTop)
    {
        var above = runs.Where(run => run.Baseline > stripsTop).ToList();
        var (classificationRun, classification, bpm) = FindClassification(above);
        var symptomsHeading = above.FirstOrDefault(run => run.Text.StartsWith("Reported Symptoms", StringComparison.Ordinal));

        var recordedOn = above.Select(run => RecordedPattern().Match(run.Text)).FirstOrDefault(match => match.Success)?.Groups[1].Value;
        DateTime? recorded = DateTime.TryParseExact(recordedOn, RecordedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

        string? interpretation = null;
        if (classificationRun is not null)
        {
            var lines = above
                .Where(run => run.Baseline < classificationRun.Baseline - 1 && Math.Abs(run.Left - classificationRun.Left) < 1)
                .Where(run => symptomsHeading is null || run.Right < symptomsHeading.Left)
                .Select(run => run.Text);
            interpretation = string.Join(' ', lines) is { Length: > 0 } joined ? joined : null;
        }

        return new AppleEcgHeader(classification, bpm, interpretation, recordedOn, recorded, ReadSymptoms(above, symptomsHeading));
    }

    private static (TextRun? Run, string? Classification, double? Bpm) FindClassification(List<TextRun> runs)
    {
        foreach (var run in runs)
        {
            var match = AveragePattern().Match(run.Text);
            if (match.Success)
            {
                return (run, match.Groups[1].Value.Trim(), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            }
        }

        foreach (var run in runs)
        {
            var known = KnownClassifications.FirstOrDefault(name => run.Text.StartsWith(name, StringComparison.Ordinal));
            if (known is not null)
            {
                return (run, known, null);
            }
        }

        return (null, null, null);
    }

    /// <summary>Bulleted lines under the "Reported Symptoms" heading, in its column; a line without a bullet continues the one before.</summary>
    private static ImmutableArray<string> ReadSymptoms(List<TextRun> runs, TextRun? heading)
    {
        if (heading is null)
        {
            return [];
        }

        var symptoms = new List<string>();
        foreach (var run in runs.Where(run => run.Baseline < heading.Baseline - 1 && run.Left > heading.Left - 1))
        {
            var text = run.Text.TrimStart();
            if (text.StartsWith('\u2022') || symptoms.Count == 0)
            {
                symptoms.Add(text.TrimStart('\u2022', ' '));
            }
            else
            {
                symptoms[^1] += " " + text;
            }
        }

        return [.. symptoms.Where(symptom => symptom.Length > 0)];
    }

    [GeneratedRegex(@"^(.+?)\s*[—–-]\s*(\d+(?:\.\d+)?)\s*BPM Average")]
    private static partial Regex AveragePattern();

    [GeneratedRegex(@"\bRecorded on (.+)$")]
    private static partial Regex RecordedPattern();
}
