using System.Globalization;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Benchmarking;
using EcgScope.Signal.Delineation;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope benchmark delineation</c> prints: the per-fiducial table, then the measures' agreement.</summary>
internal sealed record BenchmarkDelineationReport(
    string Data,
    string Records,
    int RecordCount,
    int LeadCount,
    double ToleranceMs,
    IReadOnlyList<FiducialReport> Fiducials,
    MeasuresReport Measures,
    InversionReport TWaveInversion) : ITextReport
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static BenchmarkDelineationReport From(string data, RecordParity parity, DelineationBenchmarkResult result) => new(
        data,
        parity.ToString().ToLowerInvariant(),
        result.Records,
        result.Leads,
        DelineationScorer.DefaultTolerance.TotalMilliseconds,
        [.. result.Fiducials.Select(FiducialReport.From)],
        MeasuresReport.From(result.Measures),
        InversionReport.From(result.TWaveInversion));

    public void WriteText(TextWriter writer)
    {
        writer.WriteLine(string.Create(Text, $"Wave delineation on {RecordCount} records ({Records}), {LeadCount} leads, in {Data}: ±{ToleranceMs:0} ms one-to-one matching"));
        writer.WriteLine();
        writer.WriteLine("| fiducial | Se % | +P % | mean ms | SD ms | annotated |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in Fiducials)
        {
            writer.WriteLine(string.Create(Text, $"| {row.Fiducial} | {row.SensitivityPercent:F2} | {row.PositivePredictivityPercent:F2} | {row.MeanErrorMilliseconds:F1} | {row.ErrorStandardDeviationMilliseconds:F1} | {row.Annotated} |"));
        }

        writer.WriteLine();
        writer.WriteLine("Each lead's measure as analyze reports it, minus the same measure at the annotated points (mean and SD over leads):");
        writer.WriteLine();
        writer.WriteLine("| measure | leads | mean | SD | mean absolute |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var (name, unit, agreement) in Measures.Rows())
        {
            var digits = unit == "mV" ? "F3" : "F1";
            writer.WriteLine(string.Create(Text, $"| {name} ({unit}) | {agreement.Leads} | {agreement.MeanDifference.ToString(digits, Text)} | {agreement.DifferenceStandardDeviation.ToString(digits, Text)} | {agreement.MeanAbsoluteDifference.ToString(digits, Text)} |"));
        }

        var inversion = TWaveInversion;
        writer.WriteLine();
        writer.WriteLine(string.Create(Text, $"T wave inverted (median T amplitude at or below -0.1 mV): the same call in {inversion.AgreementPercent:F1} % of {inversion.Leads} leads (both {inversion.Both}, ours only {inversion.OursOnly}, annotated only {inversion.AnnotatedOnly}, neither {inversion.Neither})"));
    }
}

/// <summary>One fiducial's score; names as delineation papers write them (Pon, QRSoff, Tpeak).</summary>
internal sealed record FiducialReport(
    string Fiducial,
    int Annotated,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double SensitivityPercent,
    double PositivePredictivityPercent,
    double MeanErrorMilliseconds,
    double ErrorStandardDeviationMilliseconds)
{
    public static FiducialReport From(DelineationScore score) => new(
        score.Fiducial switch
        {
            Signal.Delineation.Fiducial.POnset => "Pon",
            Signal.Delineation.Fiducial.PPeak => "Ppeak",
            Signal.Delineation.Fiducial.POffset => "Poff",
            Signal.Delineation.Fiducial.QrsOnset => "QRSon",
            Signal.Delineation.Fiducial.QrsOffset => "QRSoff",
            Signal.Delineation.Fiducial.TOnset => "Ton",
            Signal.Delineation.Fiducial.TPeak => "Tpeak",
            _ => "Toff",
        },
        score.Counts.ReferenceCount,
        score.Counts.TruePositives,
        score.Counts.FalsePositives,
        score.Counts.FalseNegatives,
        100 * score.Counts.Sensitivity,
        100 * score.Counts.PositivePredictivity,
        score.MeanErrorMilliseconds,
        score.ErrorStandardDeviationMilliseconds);
}

/// <summary>Ours − annotated over the leads where both measured it, in the unit its key names.</summary>
internal sealed record AgreementReport(int Leads, double MeanDifference, double DifferenceStandardDeviation, double MeanAbsoluteDifference);

/// <summary>Each measure's agreement, keyed with its unit as in analyze's JSON.</summary>
internal sealed record MeasuresReport(
    AgreementReport TAmplitudeMillivolts,
    AgreementReport StDeviationMillivolts,
    AgreementReport PrMilliseconds,
    AgreementReport QrsMilliseconds,
    AgreementReport QtMilliseconds)
{
    public static MeasuresReport From(IReadOnlyList<MeasureAgreement> measures)
    {
        AgreementReport Of(WaveMeasure measure)
        {
            var m = measures.Single(m => m.Measure == measure);
            return new AgreementReport(m.Leads, m.MeanDifference, m.DifferenceStandardDeviation, m.MeanAbsoluteDifference);
        }

        return new(Of(WaveMeasure.TAmplitude), Of(WaveMeasure.StDeviation), Of(WaveMeasure.Pr), Of(WaveMeasure.Qrs), Of(WaveMeasure.Qt));
    }

    /// <summary>The rows of the text table: name, unit and agreement.</summary>
    public IEnumerable<(string Name, string Unit, AgreementReport Agreement)> Rows() =>
    [
        ("T amplitude", "mV", TAmplitudeMillivolts),
        ("ST deviation at J+60 ms", "mV", StDeviationMillivolts),
        ("PR interval", "ms", PrMilliseconds),
        ("QRS duration", "ms", QrsMilliseconds),
        ("QT interval", "ms", QtMilliseconds),
    ];
}

/// <summary>T-wave inversion, ours against the annotated points, counted over leads.</summary>
internal sealed record InversionReport(int Leads, int Both, int OursOnly, int AnnotatedOnly, int Neither, double AgreementPercent)
{
    public static InversionReport From(InversionAgreement agreement) => new(
        agreement.Both + agreement.OursOnly + agreement.ReferenceOnly + agreement.Neither,
        agreement.Both,
        agreement.OursOnly,
        agreement.ReferenceOnly,
        agreement.Neither,
        100 * agreement.Agreement);
}
