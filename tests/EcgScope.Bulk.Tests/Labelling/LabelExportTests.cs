using EcgScope.Bulk.Labelling;
using EcgScope.Testing;

namespace EcgScope.Bulk.Tests.Labelling;

public sealed class LabelExportTests
{
    [Fact]
    public void Identical_files_always_land_on_the_same_side_whatever_the_seed()
    {
        // 40 items in 10 groups of 4 identical files each, two classes.
        var entries = Enumerable.Range(0, 40)
            .Select(i => new LabelEntry($"{i}.png", i % 10 < 5 ? "normal" : "mi", new string((char)('a' + (i % 10)), 64), DateTime.UnixEpoch))
            .ToList();

        foreach (var seed in Enumerable.Range(0, 50))
        {
            var split = GroupedSplit.Split(entries, 0.2, seed);

            Assert.All(split.GroupBy(item => item.Entry.Sha256), group => Assert.Single(group.Select(item => item.IsTest).Distinct()));
            // 20 % of each class's 5 groups: one group of 4 files per class.
            Assert.Equal(8, split.Count(item => item.IsTest));
            Assert.Equal(4, split.Count(item => item.IsTest && item.Entry.Label == "mi"));
        }

        Assert.Equal(GroupedSplit.Split(entries, 0.2, 7), GroupedSplit.Split(entries, 0.2, 7));
        Assert.True(Enumerable.Range(0, 20).Select(seed => GroupedSplit.Split(entries, 0.2, seed).First(item => item.IsTest).Entry.Sha256).Distinct().Count() > 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupedSplit.Split(entries, 1.5, 1));
    }

    [Fact]
    public void Export_copies_each_labelled_file_into_its_side_and_class_and_counts_them()
    {
        var folder = LabelFolder.Create(5, "copies/a-again.jpg", "copies/a-third.jpg");
        var labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, LabelClasses.Of(["normal", "mi"]));
        foreach (var item in session.Items.Where(item => item != "e.jpg"))
        {
            session.Label(item, item is "c.jpg" or "d.jpg" ? "mi" : "normal");
        }

        session.Skip("e.jpg");
        var to = Path.Combine(TestData.TempFolder(), "export");

        var summary = LabelExport.Export(labels, folder, to, testFraction: 0.5, seed: 3);

        Assert.Equal(6, summary.Exported);
        Assert.Equal(1, summary.Skipped);
        Assert.Empty(summary.Missing);
        var normal = summary.Classes.Single(c => c.Class == "normal");
        Assert.Equal((4, 2), (normal.Train + normal.Test, normal.TrainGroups + normal.TestGroups)); // a.jpg and its two copies are one group
        var mi = summary.Classes.Single(c => c.Class == "mi");
        Assert.Equal((1, 1), (mi.Train, mi.Test));
        var files = Directory.GetFiles(to, "*.jpg", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(to, path).Replace('\\', '/')).ToList();
        Assert.Equal(6, files.Count);
        var copies = files.Where(file => file.EndsWith("/a.jpg", StringComparison.Ordinal) || file.Contains("copies__a-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, copies.Count);
        Assert.Single(copies.Select(file => file.Split('/')[0]).Distinct()); // every copy of a.jpg on one side
        Assert.Equal(7, File.ReadAllLines(Path.Combine(to, "split.csv")).Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "a.jpg")), File.ReadAllBytes(Path.Combine(to, copies[0])));
    }

    [Fact]
    public void Export_refuses_a_folder_that_is_not_empty_and_reports_labelled_files_that_are_gone()
    {
        var folder = LabelFolder.Create(2);
        var labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, LabelClasses.Of(["normal"]));
        session.Label("a.jpg", "normal");
        session.Label("b.jpg", "normal");
        var taken = TestData.TempFolder();
        File.WriteAllText(Path.Combine(taken, "old.txt"), "an older export");

        Assert.Throws<IOException>(() => LabelExport.Export(labels, folder, taken, 0.2, 1));

        File.Delete(Path.Combine(folder, "b.jpg"));
        var summary = LabelExport.Export(labels, folder, Path.Combine(taken, "new"), 0.2, 1);
        Assert.Equal(["b.jpg"], summary.Missing);
        Assert.Equal(1, summary.Exported);
    }

    [Fact]
    public void A_wfdb_record_is_exported_with_its_signal_and_annotation_files()
    {
        var folder = TestData.TempFolder();
        foreach (var extension in new[] { ".hea", ".dat", ".atr" })
        {
            File.Copy(TestData.RepositoryFile("samples", "mitdb-100-60s" + extension), Path.Combine(folder, "mitdb-100-60s" + extension));
        }

        var labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, LabelClasses.Of(["sinus"]));
        Assert.Equal(["mitdb-100-60s.hea"], session.Items);
        session.Label("mitdb-100-60s.hea", "sinus");
        var to = Path.Combine(TestData.TempFolder(), "export");

        LabelExport.Export(labels, folder, to, 0, 1);

        Assert.Equal(
            ["mitdb-100-60s.atr", "mitdb-100-60s.dat", "mitdb-100-60s.hea"],
            Directory.GetFiles(Path.Combine(to, "train", "sinus")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
