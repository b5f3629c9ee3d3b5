using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>Folds by distinct image: the released files' copies of one printout always share a fold.</summary>
public sealed class PrintoutFoldsTests
{
    [Fact]
    public void Grouped_folds_never_put_one_group_in_two_folds()
    {
        var random = new Random(3);
        int[] groupLabels = [.. Enumerable.Range(0, 60).Select(g => g % 4)];
        int[] groupOf = [.. Enumerable.Range(0, 400).Select(_ => random.Next(60))];
        var folds = GroupedFolds.Assign(groupOf, groupLabels, 5, 2017);
        Assert.All(Enumerable.Range(0, 60), g => Assert.True(groupOf.Select((group, i) => (group, i)).Where(p => p.group == g).Select(p => folds[p.i]).Distinct().Count() <= 1));
    }

    [Fact]
    public void On_the_released_files_grouping_keeps_every_copy_together_and_a_split_by_file_does_not()
    {
        var data = TestData.Require("cardiac-patients");
        var distinct = CardiacPrintouts.Distinct(data);
        var copyOf = CardiacPrintouts.ReleasedFiles(data, distinct);
        Assert.Equal(491, distinct.Count);
        Assert.Equal(928, copyOf.Length);
        Assert.Equal([142, 233, 30, 86], distinct.GroupBy(r => r.Label).OrderBy(g => g.Key).Select(g => g.Count()));

        int[] labels = [.. distinct.Select(r => r.Label)];
        var grouped = GroupedFolds.Assign(copyOf, labels, 5, 2017);
        var byFile = StratifiedFolds.Assign([.. copyOf.Select(i => labels[i])], 5, 2017);
        int FoldsOf(int[] folds, int image) => copyOf.Select((c, f) => (c, f)).Where(p => p.c == image).Select(p => folds[p.f]).Distinct().Count();

        Assert.All(Enumerable.Range(0, distinct.Count), image => Assert.Equal(1, FoldsOf(grouped, image)));
        // The leak the grouping prevents: most MI images (8 copies each) have copies in several folds.
        var myocardialInfarction = Enumerable.Range(0, distinct.Count).Where(i => labels[i] == 2).ToArray();
        Assert.True(myocardialInfarction.Count(image => FoldsOf(byFile, image) > 1) > myocardialInfarction.Length / 2);
    }
}
