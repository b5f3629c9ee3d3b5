using System.Globalization;
using System.Xml.Linq;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.Reports.Documents;
using EcgScope.Reports.Pdf;
using EcgScope.Signal.Analysis;
using EcgScope.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace EcgScope.Reports.Tests;

/// <summary>Writes reports of real records, analysed and classified for real, and reads them back with PdfPig.</summary>
public sealed class EcgPdfReportTests
{
    private const double A4LongMm = 297, A4ShortMm = 210;
    private static readonly DateTimeOffset CreatedAt = new(2026, 3, 4, 9, 5, 0, TimeSpan.FromHours(1));
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public void The_MIT_BIH_sample_reads_back_with_its_measurements_verdicts_disclaimer_and_page_numbers()
    {
        var (record, analysis, classification) = Analyse(TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), classify: true);

        var (pdf, pages) = Report(record, analysis, classification, English);

        Assert.Equal(pages.Count, pdf.NumberOfPages);
        var all = string.Join("\n", pages);
        Assert.Contains("EcgScope ECG report", all, StringComparison.Ordinal);
        Assert.Contains("mitdb-100-60s.hea", all, StringComparison.Ordinal);
        Assert.Contains("04/03/2026 09:05 (UTC+01:00)", all, StringComparison.Ordinal);
        Assert.Contains(Printed(English, "{0:0} bpm (median over leads", analysis.Summary.ConsensusHeartRateBpm), all, StringComparison.Ordinal);
        foreach (var lead in analysis.Leads)
        {
            // The lead's table row: name, R-peaks, mean, median heart rate, in print order.
            Assert.Contains(Printed(English, $"{lead.Name} {{0}} {{1:0}} {{2:0}}", lead.RPeakCount, lead.HeartRateBpm, lead.MedianHeartRateBpm), all, StringComparison.Ordinal);
            Assert.Contains(Printed(English, "{0:0.0}", lead.HrvTimeDomain!.SdnnMs), all, StringComparison.Ordinal);

            // The waves table's row: name, PR, QRS, QT, QTc by Bazett and Fridericia, T amplitude, inverted or not, ST.
            var (intervals, t) = (lead.Waves.Intervals, lead.Waves);
            Assert.Contains(
                Printed(English, $"{lead.Name} {{0:0}} {{1:0}} {{2:0}} {{3:0}} {{4:0}} {{5:+0.00;-0.00}} {(t.TWaveInverted == true ? "yes" : "no")} {{6:+0.00;-0.00}}", intervals.PrMilliseconds, intervals.QrsMilliseconds, intervals.QtMilliseconds, intervals.QtcBazettMilliseconds, intervals.QtcFridericiaMilliseconds, t.TAmplitudeMillivolts, t.StDeviationMillivolts),
                all,
                StringComparison.Ordinal);
        }

        Assert.Contains("T wave inverted in V5", all, StringComparison.Ordinal);
        Assert.Equal(["rhythm-cnn", "rhythm-ensemble"], classification.Verdicts.Select(v => v.Model));
        foreach (var verdict in classification.Verdicts)
        {
            Assert.Contains(verdict.Summary.Split(". ")[0], Unwrapped(all), StringComparison.Ordinal);
            Assert.Contains(verdict.IsConclusive ? $"Resembles {verdict.Verdict}" : $"Inconclusive {verdict.InconclusiveReason}", all, StringComparison.Ordinal);
            foreach (var probability in verdict.Probabilities)
            {
                Assert.Contains(Printed(English, $"{probability.ClassName} {{0:0.00}}", probability.Probability), all, StringComparison.Ordinal);
            }
        }

        for (var page = 1; page <= pages.Count; page++)
        {
            Assert.Contains($"Page {page} of {pages.Count}", pages[page - 1], StringComparison.Ordinal);
            Assert.Contains(AnalyzeReport.DisclaimerText, Unwrapped(pages[page - 1]), StringComparison.Ordinal);
            Assert.Contains("EcgScope 0.1.0", pages[page - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pages_are_A4_landscape_and_the_trace_is_vector_lines_not_an_image()
    {
        var (record, analysis, _) = Analyse(TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), classify: false);

        var (pdf, _) = Report(record, analysis, null, English);

        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(A4LongMm, page.Width * 25.4 / 72, tolerance: 0.5);
            Assert.Equal(A4ShortMm, page.Height * 25.4 / 72, tolerance: 0.5);
            Assert.Empty(page.GetImages());
        }

        // 60 s of two leads, 10 s a strip, 2 strips a page: three pages of trace after the text.
        var trace = pdf.GetPages().Where(page => page.Text.Contains("ECG on paper", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, trace.Count);
        // Each strip's grid alone has a vertical line every millimetre over 260 mm.
        Assert.All(trace[..2], page => Assert.True(page.Paths.Count > 2 * 260, $"{page.Paths.Count} paths: grid and trace should be vector lines"));
        Assert.Contains("No model was run on this recording.", Words(pdf.GetPage(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Dutch_report_has_Dutch_words_comma_decimals_and_Dutch_dates()
    {
        var (record, analysis, classification) = Analyse(TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), classify: true);

        var (_, pages) = Report(record, analysis, classification, Dutch);

        var all = string.Join("\n", pages);
        foreach (var word in (string[])["EcgScope ECG-rapport", "Metingen", "Hartslag", "Signaalkwaliteit", "Oordelen van de modellen", "ECG op papier", "Tijd (s)", "Golven en intervallen per afleiding", "T omgekeerd", "Intervallen"])
        {
            Assert.Contains(word, all, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Measurements", all, StringComparison.Ordinal);
        Assert.Contains("04-03-2026 09:05", all, StringComparison.Ordinal);
        var sdnn = analysis.Leads[0].HrvTimeDomain!.SdnnMs;
        Assert.Contains(sdnn.ToString("0.0", Dutch), all, StringComparison.Ordinal);
        Assert.Contains(',', sdnn.ToString("0.0", Dutch));
        Assert.DoesNotContain(sdnn.ToString("0.0", English), all, StringComparison.Ordinal);
        Assert.Contains($"Pagina 1 van {pages.Count}", pages[0], StringComparison.Ordinal);
        Assert.Contains("EcgScope meet signalen; het stelt geen diagnose.", Unwrapped(pages[^1]), StringComparison.Ordinal);
        var probability = classification.Verdicts[0].Probabilities[0];
        Assert.Contains($"{probability.ClassName} {probability.Probability.ToString("0.00", Dutch)}", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_its_own_words_falls_back_to_English_words_in_its_own_number_format()
    {
        var (record, analysis, _) = Analyse(TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), classify: false);
        var french = CultureInfo.GetCultureInfo("fr-FR");

        var (_, pages) = Report(record, analysis, null, french);

        var all = string.Join("\n", pages);
        Assert.Contains("Measurements", all, StringComparison.Ordinal);
        Assert.Contains(analysis.Leads[0].HrvTimeDomain!.SdnnMs.ToString("0.0", french), all, StringComparison.Ordinal);
        Assert.Contains("04/03/2026 09:05", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_12_lead_PTB_XL_record_shows_every_lead_and_the_verdicts_of_both_models()
    {
        var (record, analysis, classification) = Analyse(TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"), classify: true);

        var (pdf, pages) = Report(record, analysis, classification, English);

        Assert.Equal(12, record.Leads.Length);
        var traceWords = pdf.GetPages().Where(page => page.Text.Contains("ECG on paper", StringComparison.Ordinal))
            .SelectMany(page => page.GetWords().Select(word => word.Text)).ToHashSet(StringComparer.Ordinal);
        Assert.All(record.LeadNames, name => Assert.True(traceWords.Contains(name), string.Join(" ", traceWords)));
        var all = string.Join("\n", pages);
        Assert.Contains("Whole record (12 leads)", all, StringComparison.Ordinal);
        Assert.All(analysis.Leads, lead => Assert.Contains(Printed(English, $"{lead.Name} {{0}} ", lead.RPeakCount), all, StringComparison.Ordinal));
        Assert.NotEmpty(classification.Verdicts);
        foreach (var verdict in classification.Verdicts)
        {
            Assert.Contains(verdict.Title, all, StringComparison.Ordinal);
            Assert.Contains(verdict.IsConclusive ? "Resembles" : "Inconclusive", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_Apple_Watch_recording_in_Dutch_shows_when_and_on_what_it_was_recorded_and_its_30_s_on_one_page()
    {
        var (record, analysis, classification) = Analyse(TestData.File("apple-health", "ecg_2024-08-19.csv"), classify: true);

        var (_, pages) = Report(record, analysis, classification, Dutch);

        Assert.Single(record.Leads);
        var start = Assert.NotNull(record.StartTime);
        var all = string.Join("\n", pages);
        Assert.Contains($"Opgenomen {start.ToString("dd-MM-yyyy HH:mm", Dutch)} (UTC{start.ToString("zzz", Dutch)})", all, StringComparison.Ordinal);
        Assert.Contains($"Apparaat {record.Metadata.Device}", all, StringComparison.Ordinal);
        Assert.Contains(Printed(Dutch, "Hartslag (bpm)"), all, StringComparison.Ordinal);
        Assert.Contains(Printed(Dutch, $"{analysis.Leads[0].Name} {{0}} {{1:0}}", analysis.Leads[0].RPeakCount, analysis.Leads[0].HeartRateBpm), all, StringComparison.Ordinal);
        Assert.Single(pages, page => page.Contains("ECG op papier", StringComparison.Ordinal)); // three 10 s strips of one lead
        Assert.DoesNotContain("Het ECG toont de eerste", all, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconclusive_verdict_is_shown_as_inconclusive_with_its_reason()
    {
        var (record, analysis, classification) = Analyse(TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), classify: true);
        const string Reason = "the signal quality of lead MLII is unacceptable";
        var withheld = classification with
        {
            Verdicts = [classification.Verdicts[0] with { IsConclusive = false, Verdict = VerdictReport.Inconclusive, InconclusiveReason = Reason }],
        };

        var (_, pages) = Report(record, analysis, withheld, English);

        Assert.Contains($"Inconclusive {Reason}", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Resembles", string.Join("\n", pages), StringComparison.Ordinal);
    }

    [Fact]
    public void A_30_minute_record_draws_its_first_5_minutes_over_as_many_pages_as_needed_and_says_so()
    {
        var (record, analysis, _) = Analyse(TestData.File("mitdb", "100.hea"), classify: false);

        var (pdf, pages) = Report(record, analysis, null, English);

        var trace = pages.Where(page => page.Contains("ECG on paper", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, trace.Count); // 30 strips of 10 s, two of two leads a page
        Assert.All(trace, page => Assert.Contains("The trace shows the first 5 min of the 30.1 min recording.", page, StringComparison.Ordinal));
        var lastTicks = pdf.GetPage(pdf.NumberOfPages).GetWords().Select(word => word.Text).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("299", lastTicks);
        Assert.DoesNotContain("301", lastTicks);
        Assert.Equal(pages.Count, pdf.NumberOfPages);
    }

    [Fact]
    public void Every_language_has_every_string_and_the_English_disclaimer_is_the_documents_one()
    {
        var english = Strings("ReportText.resx");
        var dutch = Strings("ReportText.nl.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), dutch.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(AnalyzeReport.DisclaimerText, english["Disclaimer"]);
        Assert.All(dutch, pair => Assert.Equal(
            english[pair.Key].Count(c => c == '{'), pair.Value.Count(c => c == '{'))); // same placeholders
    }

    private static (EcgRecord Record, AnalyzeReport Analysis, ClassifyReport Classification) Analyse(string path, bool classify)
    {
        var record = EcgFile.Read(path);
        var analysis = AnalyzeReport.From(Path.GetFileName(path), EcgFile.Detect(path).FormatName, record, EcgAnalysis.Analyze(record), includePeaks: true);
        if (!classify)
        {
            return (record, analysis, null!);
        }

        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var classification = RecordClassification.Run(record, registry, registry.Cards, explain: true);
        return (record, analysis, ClassifyReport.From(Path.GetFileName(path), EcgFile.Detect(path).FormatName, record, registry, classification));
    }

    /// <summary>Writes the report to a temporary file (kept for a look while the test process runs) and opens it.</summary>
    private static (PdfDocument Pdf, List<string> PageTexts) Report(EcgRecord record, AnalyzeReport analysis, ClassifyReport? classification, CultureInfo culture)
    {
        var path = Path.Combine(TestData.TempFolder(), $"report-{culture.Name}.pdf");
        int pageCount;
        using (var file = File.Create(path))
        {
            pageCount = EcgPdfReport.Write(file, record, analysis, classification, CreatedAt, culture);
        }

        var pdf = PdfDocument.Open(path);
        Assert.Equal(pageCount, pdf.NumberOfPages);
        return (pdf, [.. pdf.GetPages().Select(Words)]);
    }

    /// <summary>The page's words in reading order, one space between words on a line.</summary>
    private static string Words(Page page) => string.Join(" ", page.GetWords().Select(word => word.Text));

    /// <summary>Text with its line breaks taken out, for a sentence that wraps.</summary>
    private static string Unwrapped(string text) => text.Replace('\n', ' ');

    private static string Printed(CultureInfo culture, string format, params object?[] values) => string.Format(culture, format, values);

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(TestData.RepositoryFile("src", "EcgScope.Reports", "Pdf", file)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string)data.Element("value")!, StringComparer.Ordinal);
}
