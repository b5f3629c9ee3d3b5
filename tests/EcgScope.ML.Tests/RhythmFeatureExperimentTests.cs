using System.Globalization;
using EcgScope.ML.Trees;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>
/// The rhythm feature model's cross-validation end to end on a stratified subset of CinC 2017 (400 records unless
/// ECGSCOPE_RHYTHM_RECORDS says another number or "all"; scripts/experiments/rhythm-features.sh runs it on all).
/// A subset tries two candidates instead of the whole grid, to stay quick; all records search the whole grid.
/// </summary>
public sealed class RhythmFeatureExperimentTests
{
    [Fact]
    public void Cross_validation_scores_well_above_chance_and_writes_the_out_of_fold_probabilities()
    {
        var data = TestData.Require("cinc2017");
        var size = Environment.GetEnvironmentVariable("ECGSCOPE_RHYTHM_RECORDS") switch
        {
            "all" => (int?)null,
            { Length: > 0 } number => int.Parse(number, CultureInfo.InvariantCulture),
            _ => 400,
        };
        var output = Environment.GetEnvironmentVariable("ECGSCOPE_RHYTHM_OUT") is { Length: > 0 } folder ? folder : TestData.TempFolder();

        TreeOptions[]? grid = size is null ? null : [TreeOptions.Default, TreeOptions.Default with { BalanceClasses = true }];

        var result = RhythmFeatureExperiment.Run(
            data, output, new RhythmExperimentOptions(SubsetSize: size, Grid: grid), cancellationToken: TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(result.ToText());

        // A classifier that always says Normal scores about 0.25; chance-level trees on broken features about as much.
        Assert.True(result.PooledChallengeF1 > 0.5, result.ToText());
        var rows = File.ReadAllLines(Path.Combine(output, "rhythm-features-oof.csv"));
        Assert.Equal("record,fold,label,pN,pA,pO,pNoisy", rows[0]);
        Assert.Equal(result.RecordCount + 1, rows.Length);
        Assert.All(rows.Skip(1), row =>
        {
            var fields = row.Split(',');
            Assert.InRange(int.Parse(fields[1], CultureInfo.InvariantCulture), 0, 4);
            Assert.Equal(1, fields.Skip(3).Sum(field => double.Parse(field, CultureInfo.InvariantCulture)), 6);
        });
        Assert.Equal(result.RecordCount, result.Matrix.Total);
    }
}
