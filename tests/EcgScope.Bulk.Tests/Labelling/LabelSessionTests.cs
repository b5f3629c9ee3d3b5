using EcgScope.Bulk.Labelling;
using EcgScope.Core;

namespace EcgScope.Bulk.Tests.Labelling;

public sealed class LabelSessionTests
{
    private static readonly LabelClasses Classes = LabelClasses.Of(["normal", "abnormal", "mi"]);

    [Fact]
    public void Labels_skips_and_undoes_in_order_writing_the_file_after_each_step()
    {
        var folder = LabelFolder.Create(4);
        var labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, Classes);
        Assert.Equal(["a.jpg", "b.jpg", "c.jpg", "d.jpg"], session.Items);

        session.Label(session.Next!, Classes.ForKey('2')!);
        session.Skip(session.Next!);
        session.Label(session.Next!, "mi");
        Assert.Equal("d.jpg", session.Next);
        Assert.Equal(3, LabelsFile.Read(labels).Count);

        Assert.Equal("c.jpg", session.Undo());
        Assert.Equal("c.jpg", session.Next);
        var written = LabelsFile.Read(labels);
        Assert.Equal([("a.jpg", "abnormal"), ("b.jpg", null)], written.Select(e => (e.Item, e.Label)));
        Assert.Equal(LabelsFile.Sha256Of(Path.Combine(folder, "a.jpg")), written[0].Sha256);
        var progress = session.Progress;
        Assert.Equal((4, 1, 1, 2), (progress.Total, progress.Labelled, progress.Skipped, progress.Remaining));
        Assert.Equal(0.5, progress.Fraction);
    }

    [Fact]
    public void A_reopened_session_resumes_at_the_first_undecided_item_and_can_undo_the_last_sessions_step()
    {
        var folder = LabelFolder.Create(3);
        var labels = Path.Combine(folder, "labels.csv");
        var first = LabelSession.Open(folder, labels, Classes);
        first.Label("a.jpg", "normal");
        first.Label("b.jpg", "mi");

        var second = LabelSession.Open(folder, labels, Classes);

        Assert.Equal("c.jpg", second.Next);
        Assert.Equal(new Dictionary<string, int> { ["normal"] = 1, ["mi"] = 1 }, second.Progress.PerClass);
        Assert.Equal("b.jpg", second.Undo());
        Assert.Equal("b.jpg", LabelSession.Open(folder, labels, Classes).Next);
    }

    [Fact]
    public void Relabelling_an_item_replaces_its_class_and_undo_restores_the_earlier_one()
    {
        var folder = LabelFolder.Create(2);
        var session = LabelSession.Open(folder, Path.Combine(folder, "labels.csv"), Classes);
        session.Label("a.jpg", "normal");
        session.Label("a.jpg", "mi");

        Assert.Equal(new Dictionary<string, int> { ["mi"] = 1 }, session.Progress.PerClass);
        session.Undo();
        Assert.Equal(new Dictionary<string, int> { ["normal"] = 1 }, session.Progress.PerClass);
    }

    [Fact]
    public void An_unknown_class_or_item_is_refused_and_nothing_is_written()
    {
        var folder = LabelFolder.Create(1);
        var labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, Classes);

        Assert.Throws<ArgumentException>(() => session.Label("a.jpg", "Normal"));
        Assert.Throws<ArgumentException>(() => session.Label("../a.jpg", "normal"));
        Assert.Throws<ArgumentException>(() => session.Skip("nothere.png"));
        Assert.False(File.Exists(labels));
        Assert.Null(session.Undo());
    }

    [Fact]
    public void The_file_is_replaced_whole_through_a_temporary_file_never_left_behind()
    {
        var folder = LabelFolder.Create(2);
        var labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, Classes);
        session.Label("a.jpg", "normal");
        var before = File.ReadAllText(labels);

        // A write that cannot complete (the temporary name is taken by a folder) leaves the old file and the session as they were.
        Directory.CreateDirectory(labels + ".tmp");
        Assert.True(Record.Exception(() => session.Label("b.jpg", "mi")) is IOException or UnauthorizedAccessException);
        Assert.True(Record.Exception(() => session.Undo()) is IOException or UnauthorizedAccessException);
        Assert.Equal(before, File.ReadAllText(labels));
        Assert.Equal("b.jpg", session.Next);

        Directory.Delete(labels + ".tmp");
        session.Label("b.jpg", "mi");
        Assert.Equal(2, LabelsFile.Read(labels).Count);
        Assert.False(File.Exists(labels + ".tmp"));
    }

    [Fact]
    public void A_malformed_labels_file_names_the_line()
    {
        var folder = LabelFolder.Create(1);
        var labels = Path.Combine(folder, "labels.csv");
        File.WriteAllText(labels, "item,label,sha256,decidedAtUtc\r\na.jpg,normal,abc,2026-01-01T00:00:00.0000000Z\r\n");

        var error = Assert.Throws<EcgFormatException>(() => LabelSession.Open(folder, labels, Classes));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        File.WriteAllText(labels, "file,class\r\n");
        Assert.Contains("line 1", Assert.Throws<EcgFormatException>(() => LabelsFile.Read(labels)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "1 to 9 classes")]
    [InlineData(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j" }, "not 10")]
    [InlineData(new[] { "normal", "Normal" }, "given twice")]
    [InlineData(new[] { "a/b" }, "letters, digits")]
    [InlineData(new[] { " mi" }, "without spaces at its ends")]
    public void Classes_are_one_to_nine_distinct_folder_safe_names(string[] names, string problem)
    {
        Assert.Contains(problem, LabelClasses.Problem(names), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LabelClasses.Of(names));
    }

    [Fact]
    public void Items_are_images_and_record_headers_of_every_subfolder_in_ordinal_order_hidden_ones_left_out()
    {
        var folder = LabelFolder.Create(1, "sub/B.PNG", ".hidden/c.jpg", "sub/.d.jpeg");
        File.WriteAllText(Path.Combine(folder, "manifest.csv"), "file,class\r\n");
        File.WriteAllText(Path.Combine(folder, "rec.hea"), "rec 1 500 5000\r\n");
        File.WriteAllText(Path.Combine(folder, "rec.dat"), "");

        Assert.Equal(["a.jpg", "rec.hea", "sub/B.PNG"], LabelItems.List(folder));
        Assert.Equal([Path.Combine(folder, "rec.dat"), Path.Combine(folder, "rec.hea")], LabelItems.FilesOf(Path.Combine(folder, "rec.hea")));
    }

    [Fact]
    public void Keys_one_to_nine_pick_the_classes_in_order()
    {
        Assert.Equal(["normal", "abnormal", "mi", null, null], "1230a".Select(Classes.ForKey));
    }
}
