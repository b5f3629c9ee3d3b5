using System.Globalization;
using EcgScope.Formats;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Quality;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests;

/// <summary>
/// Out-of-sample guard on the PhysioNet/CinC Challenge 2017 training set (AliveCor single-lead records the quality
/// rules were not written for): the analysis must call most noisy (~) records unacceptable and few normal (N) ones.
/// Figures and the command that measures them: docs/quality.md.
/// </summary>
public sealed class CinC2017QualityGuardTests
{
    [Fact]
    public void Noisy_records_are_flagged_unacceptable_and_normal_ones_seldom_are()
    {
        var folder = TestData.File("cinc2017", "training2017");
        var labels = File.ReadAllLines(Path.Combine(folder, "REFERENCE-v3.csv"))
            .Select(line => line.Split(','))
            .Where(fields => fields[1] is "~" or "N")
            .ToArray();

        var flagged = labels
            .Select(fields => new Row(fields[1], int.Parse(fields[0][1..], CultureInfo.InvariantCulture) % 2 == 1, LeadVerdict(Path.Combine(folder, fields[0] + ".hea")) == QualityVerdict.Unacceptable))
            .ToArray();

        // The two departures from the papers were chosen on the odd-numbered records; the even ones are the check.
        foreach (var (name, half) in new[] { ("odd", flagged.Where(row => row.Odd).ToArray()), ("even", flagged.Where(row => !row.Odd).ToArray()), ("all", flagged) })
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{name}: noisy flagged {Share(half, "~"):P1} of {half.Count(r => r.Label == "~")}, normal flagged {Share(half, "N"):P1} of {half.Count(r => r.Label == "N")}");
        }

        var noisy = Share(flagged, "~");
        var normal = Share(flagged, "N");
        Assert.True(noisy >= 0.85, $"noisy records flagged: {noisy:P1}, at least 85 % expected");
        Assert.True(normal <= 0.15, $"normal records flagged: {normal:P1}, at most 15 % expected");
    }

    private static QualityVerdict LeadVerdict(string header) =>
        EcgAnalysis.Analyze(EcgFile.Read(header), cancellationToken: TestContext.Current.CancellationToken).Leads[0].Quality.Verdict;

    private static double Share(Row[] flagged, string label) =>
        flagged.Where(row => row.Label == label).Average(row => row.Unacceptable ? 1.0 : 0.0);

    private sealed record Row(string Label, bool Odd, bool Unacceptable);
}
