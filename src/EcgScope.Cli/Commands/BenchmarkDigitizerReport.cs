using System.Globalization;
using EcgScope.Imaging.Evaluation;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope benchmark digitizer</c> prints: one row per degradation.</summary>
internal sealed record BenchmarkDigitizerReport(string Data, IReadOnlyList<int> Folds, IReadOnlyList<DigitizerDegradationRow> Degradations) : ITextReport
{
    public static BenchmarkDigitizerReport From(string data, IReadOnlyList<int> folds, IReadOnlyList<DigitizerScore> scores) => new(
        data,
        folds,
        [.. scores.GroupBy(score => score.Degradation).Select(DigitizerDegradationRow.Of)]);

    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"digitizer on rendered PTB-XL records, fold {string.Join(", ", Folds)} ({Data}); SNR as the PhysioNet Challenge 2024 scores it (mean over leads and records)"));
        writer.WriteLine("| degradation | records | refused | low confidence | mean SNR (dB) | median lead SNR (dB) | mean aligned SNR (dB) |");
        writer.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Degradations)
        {
            writer.WriteLine(string.Create(text, $"| {row.Degradation} | {row.Records} | {row.Refused} | {row.LowConfidence} | {row.MeanSnrDb:0.00} | {row.MedianLeadSnrDb:0.00} | {row.MeanAlignedSnrDb:0.00} |"));
        }
    }
}

/// <summary>One degradation's figures; a refused image scores NaN for none of its leads (the Challenge would count an empty output as 0 mV: see the refused count).</summary>
internal sealed record DigitizerDegradationRow(string Degradation, int Records, int Refused, int LowConfidence, double MeanSnrDb, double MedianLeadSnrDb, double MeanAlignedSnrDb)
{
    public static DigitizerDegradationRow Of(IGrouping<string, DigitizerScore> scores)
    {
        var leads = scores.SelectMany(score => score.Leads).ToList();
        var snrs = leads.Select(lead => lead.SnrDb).Where(snr => !double.IsNaN(snr)).Order().ToList();
        return new DigitizerDegradationRow(
            scores.Key,
            scores.Count(),
            scores.Count(score => score.Error is not null),
            scores.Count(score => score.Confidence < Imaging.Digitizing.DigitizedPrintout.LowConfidence),
            Math.Round(PrintoutSnr.Mean(leads.Select(lead => lead.SnrDb)), 2),
            snrs.Count == 0 ? double.NaN : Math.Round(snrs[snrs.Count / 2], 2),
            Math.Round(PrintoutSnr.Mean(leads.Select(lead => lead.AlignedSnrDb)), 2));
    }
}
