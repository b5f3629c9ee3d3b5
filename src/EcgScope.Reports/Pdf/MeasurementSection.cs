using EcgScope.Reports.Documents;

namespace EcgScope.Reports.Pdf;

/// <summary>
/// The measurements: the whole record's summary (several leads only), a table of every lead (heart rate, HRV,
/// quality), a table of every lead's waves (intervals, T wave, ST), then the notes behind them, each note once with
/// the leads it holds for.
/// </summary>
/// <remarks>
/// Headings, labels and enum values (quality verdict, regularity) are in the reader's language. The notes are the
/// analysis library's own sentences (quality reasons, why an HRV measure was not computed), which exist in English
/// only: they are printed as they are, and a non-English report says so once.
/// </remarks>
internal static class MeasurementSection
{
    // Table columns, in points from the content's left edge.
    private const float LeadX = 0, RPeaksX = 80, MeanX = 140, MedianX = 200, RangeX = 260, SdnnX = 340, RmssdX = 410, Pnn50X = 480, LfHfX = 550, QualityX = 610;

    // The waves table's columns.
    private const float PrX = 80, QrsX = 140, QtX = 200, BazettX = 260, FridericiaX = 360, TAmplitudeX = 470, TInvertedX = 570, StX = 640;

    /// <summary>Adds the section to <paramref name="flow"/>.</summary>
    public static void Add(PageFlow flow, ReportText text, AnalyzeReport analysis)
    {
        flow.Gap(TextStyle.Body.LineHeight);
        flow.Text(text["Measurements"], TextStyle.Heading);
        if (analysis.Leads.Count > 1)
        {
            AddSummary(flow, text, analysis.Summary, analysis.Leads.Count);
            flow.Gap(TextStyle.Body.LineHeight / 2);
        }

        AddTable(flow, text, analysis.Leads);
        flow.Gap(TextStyle.Body.LineHeight / 2);
        AddWavesTable(flow, text, analysis.Leads);
        AddNotes(flow, text, analysis.Leads);
    }

    private static void AddSummary(PageFlow flow, ReportText text, SummaryOutput summary, int leadCount)
    {
        flow.Text(text.Format("RecordSummary", leadCount), TextStyle.Label);
        flow.Field(text["HeartRate"], summary.ConsensusHeartRateBpm is { } bpm
            ? text.Format("ConsensusHeartRate", bpm, string.Join(", ", summary.HeartRateLeads))
            : text["NotMeasurable"]);
        if (summary.FusedBeatCount is { } beats)
        {
            var found = text.Format("FusedBeatsValue", beats, leadCount);
            flow.Field(text["FusedBeats"], summary.FusedHeartRateBpm is { } fusedBpm ? text.Format("FusedRate", found, fusedBpm) : found);
        }

        var regularity = text.Value("Regularity", summary.Regularity);
        flow.Field(text["Rhythm"], summary.IrregularIntervalPercent is { } percent
            ? text.Format("RhythmValue", regularity, percent, summary.ReferenceLead)
            : text["RhythmUnknown"]);
        var intervals = summary.Intervals;
        flow.Field(text["Intervals"], text.Format(
            "IntervalsValue",
            text.Number(intervals.PrMilliseconds, "0"),
            text.Number(intervals.QrsMilliseconds, "0"),
            text.Number(intervals.QtMilliseconds, "0"),
            text.Number(intervals.QtcBazettMilliseconds, "0"),
            text.Number(intervals.QtcFridericiaMilliseconds, "0")));
        flow.Field(text["TWave"], summary.TWaveInvertedLeads.Count == 0
            ? text["TInvertedNowhere"]
            : text.Format("TInvertedIn", string.Join(", ", summary.TWaveInvertedLeads)));
        flow.Field(text["Quality"], summary.WorstLeads.Count == 0
            ? text["QualityEverywhere"]
            : text.Format("QualityWorst", text.Value("Quality", summary.WorstVerdict), string.Join(", ", summary.WorstLeads)));
    }

    private static void AddTable(PageFlow flow, ReportText text, IReadOnlyList<LeadReport> leads)
    {
        flow.Text(text["PerLead"], TextStyle.Label);
        flow.Line([(MeanX, text["HeartRateBpm"]), (SdnnX, text["Hrv"])], TextStyle.Small);
        flow.Line(
            [
                (LeadX, text["Lead"]), (RPeaksX, text["RPeaks"]), (MeanX, text["Mean"]), (MedianX, text["Median"]), (RangeX, text["Range"]),
                (SdnnX, "SDNN (ms)"), (RmssdX, "RMSSD (ms)"), (Pnn50X, "pNN50 (%)"), (LfHfX, "LF/HF"), (QualityX, text["Quality"]),
            ],
            TextStyle.Label);
        foreach (var lead in leads)
        {
            var range = lead.MinHeartRateBpm is { } min && lead.MaxHeartRateBpm is { } max ? text.Format("RangeValue", min, max) : "–";
            flow.Line(
                [
                    (LeadX, lead.Name),
                    (RPeaksX, text.Number(lead.RPeakCount, "0")),
                    (MeanX, text.Number(lead.HeartRateBpm, "0")),
                    (MedianX, text.Number(lead.MedianHeartRateBpm, "0")),
                    (RangeX, range),
                    (SdnnX, text.Number(lead.HrvTimeDomain?.SdnnMs, "0.0")),
                    (RmssdX, text.Number(lead.HrvTimeDomain?.RmssdMs, "0.0")),
                    (Pnn50X, text.Number(lead.HrvTimeDomain?.Pnn50Percent, "0.0")),
                    (LfHfX, text.Number(lead.HrvFrequencyDomain?.LfHfRatio, "0.00")),
                    (QualityX, text.Value("Quality", lead.Quality.Verdict)),
                ],
                TextStyle.Body);
        }
    }

    private static void AddWavesTable(PageFlow flow, ReportText text, IReadOnlyList<LeadReport> leads)
    {
        flow.Text(text["WavesPerLead"], TextStyle.Label);
        flow.Line(
            [
                (LeadX, text["Lead"]), (PrX, "PR (ms)"), (QrsX, "QRS (ms)"), (QtX, "QT (ms)"), (BazettX, "QTc Bazett (ms)"),
                (FridericiaX, "QTc Fridericia (ms)"), (TAmplitudeX, text["TAmplitudeHeader"]), (TInvertedX, text["TInvertedHeader"]), (StX, text["StHeader"]),
            ],
            TextStyle.Label);
        foreach (var lead in leads)
        {
            var waves = lead.Waves;
            flow.Line(
                [
                    (LeadX, lead.Name),
                    (PrX, text.Number(waves.Intervals.PrMilliseconds, "0")),
                    (QrsX, text.Number(waves.Intervals.QrsMilliseconds, "0")),
                    (QtX, text.Number(waves.Intervals.QtMilliseconds, "0")),
                    (BazettX, text.Number(waves.Intervals.QtcBazettMilliseconds, "0")),
                    (FridericiaX, text.Number(waves.Intervals.QtcFridericiaMilliseconds, "0")),
                    (TAmplitudeX, text.Number(waves.TAmplitudeMillivolts, "+0.00;-0.00")),
                    (TInvertedX, waves.TWaveInverted is { } inverted ? text[inverted ? "Yes" : "No"] : "–"),
                    (StX, text.Number(waves.StDeviationMillivolts, "+0.00;-0.00")),
                ],
                TextStyle.Body);
        }
    }

    /// <summary>Every quality reason and unavailable HRV measure once, followed by the leads it holds for.</summary>
    private static void AddNotes(PageFlow flow, ReportText text, IReadOnlyList<LeadReport> leads)
    {
        var notes = leads
            .SelectMany(lead => lead.QualityNotes()
                .Concat(lead.HrvUnavailable.Select(pair => LeadReport.HrvNote(pair.Key, pair.Value)))
                .Concat(lead.Waves.NotMeasuredReason is { } reason ? [text.Format("WavesNotMeasured", reason)] : [])
                .Select(note => (Note: note, Lead: lead.Name)))
            .GroupBy(pair => pair.Note, pair => pair.Lead, StringComparer.Ordinal)
            .ToList();
        if (notes.Count == 0)
        {
            return;
        }

        flow.Gap(TextStyle.Body.LineHeight / 2);
        flow.Text(text["QualityNotes"], TextStyle.Label);
        foreach (var note in notes)
        {
            var names = note.Distinct(StringComparer.Ordinal).ToList();
            var where = leads.Count == 1 ? ""
                : names.Count == leads.Count ? $" ({text["EveryLead"]})"
                : $" ({text.Format(names.Count == 1 ? "OneLead" : "SomeLeads", string.Join(", ", names))})";
            flow.Bullet(note.Key + where, TextStyle.Body, indent: 4);
        }

        if (text["LibraryLanguageNote"] is { Length: > 0 } languageNote)
        {
            flow.Text(languageNote, TextStyle.Small);
        }
    }
}
