using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>The paired bootstrap that sets two superclass networks side by side on the same test records.</summary>
public sealed class SuperclassComparisonTests
{
    private static readonly PtbXlRecord[] Records = [.. Enumerable.Range(0, 60).Select(i => new PtbXlRecord(
        new LabelledRecord($"r{i}", "", 0) { Targets = [.. Enumerable.Range(0, 5).Select(c => (i + c) % 3 == 0)] }, PtbXl.TestFold))];

    [Fact]
    public void A_run_compared_with_itself_differs_by_exactly_zero()
    {
        var run = WriteRun("same", noise: 1.0, seed: 1);

        var difference = SuperclassEvaluation.MacroAurocDifference(run, run, Records, seed: 3);

        Assert.Equal((0.0, 0.0, 0.0), (difference.Estimate, difference.Lower, difference.Upper));
    }

    [Fact]
    public void A_sharper_run_is_ahead_with_an_interval_above_zero()
    {
        var sharp = WriteRun("sharp", noise: 0.3, seed: 1);
        var blurred = WriteRun("blurred", noise: 3.0, seed: 2);

        var difference = SuperclassEvaluation.MacroAurocDifference(sharp, blurred, Records, seed: 3);

        Assert.True(difference.Estimate > 0.1, $"difference {difference.Estimate}");
        Assert.InRange(difference.Estimate, difference.Lower, difference.Upper);
        Assert.True(difference.Lower > 0, $"interval {difference.Lower}-{difference.Upper}");
    }

    [Fact]
    public void Runs_over_different_test_records_are_refused()
    {
        var run = WriteRun("full", noise: 1.0, seed: 1);
        var shorter = Path.Combine(TestData.TempFolder(), "shorter");
        Directory.CreateDirectory(shorter);
        FoldPredictions.WriteCsv(Path.Combine(shorter, "test.csv"), FoldPredictions.ReadCsv(Path.Combine(run, "test.csv")).Skip(1).ToArray());

        Assert.Throws<InvalidDataException>(() => SuperclassEvaluation.MacroAurocDifference(run, shorter, Records, seed: 3));
    }

    /// <summary>A run folder whose test logits are the targets (±1) plus seeded Gaussian noise of <paramref name="noise"/>.</summary>
    private static string WriteRun(string name, double noise, int seed)
    {
        var random = new Random(seed);
        var folder = Path.Combine(TestData.TempFolder(), name);
        Directory.CreateDirectory(folder);
        var predictions = Records.Select(r => new RecordPrediction(r.Record.Name, 0, [.. r.Record.Targets.Select(t =>
            (t ? 1.0 : -1.0) + (noise * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))])).ToArray();
        FoldPredictions.WriteCsv(Path.Combine(folder, "test.csv"), predictions);
        return folder;
    }
}
