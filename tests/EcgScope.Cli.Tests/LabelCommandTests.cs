using EcgScope.Bulk.Labelling;
using EcgScope.Bulk.Tests.Labelling;
using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class LabelCommandTests
{
    [Fact]
    public void Status_counts_the_labels_of_the_folder()
    {
        var folder = Labelled(out _);

        var run = CliRun.Of("label", "status", "--folder", folder, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((6, 4, 1, 1, 3), (run.Json.GetProperty("items").GetInt32(), run.Json.GetProperty("labelled").GetInt32(),
            run.Json.GetProperty("skipped").GetInt32(), run.Json.GetProperty("remaining").GetInt32(), run.Json.GetProperty("distinctContents").GetInt32()));
        Assert.Equal(3, run.Json.GetProperty("perClass").GetProperty("normal").GetInt32());
    }

    [Fact]
    public void Export_writes_train_and_test_per_class_and_reports_the_counts()
    {
        var folder = Labelled(out var labels);
        var to = Path.Combine(TestData.TempFolder(), "export");

        var run = CliRun.Of("label", "export", "--labels", labels, "--to", to, "--test-fraction", "0.5", "--seed", "4", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Json.GetProperty("exported").GetInt32());
        Assert.Equal(1, run.Json.GetProperty("skipped").GetInt32());
        var classes = run.Json.GetProperty("classes").EnumerateArray().ToDictionary(c => c.GetProperty("class").GetString()!);
        Assert.Equal(3, classes["normal"].GetProperty("train").GetInt32() + classes["normal"].GetProperty("test").GetInt32());
        Assert.Equal(4, Directory.GetFiles(to, "*.jpg", SearchOption.AllDirectories).Length);
        Assert.True(File.Exists(Path.Combine(to, "split.csv")));
        Assert.True(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("--test-fraction", "1.5", "--test-fraction 1.5")]
    [InlineData("--to", "", "is not empty")]
    public void Bad_arguments_exit_2_naming_what_was_wrong(string option, string value, string message)
    {
        Labelled(out var labels);
        var taken = TestData.TempFolder();
        File.WriteAllText(Path.Combine(taken, "old.txt"), "an older export");
        string[] args = option == "--to" ? ["--to", taken] : ["--to", Path.Combine(taken, "new"), option, value];

        var run = CliRun.Of(["label", "export", "--labels", labels, .. args, "--format", "json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_labels_file_exits_2_with_its_line()
    {
        var folder = LabelFolder.Create(1);
        var labels = Path.Combine(folder, "labels.csv");
        File.WriteAllText(labels, "item,label,sha256,decidedAtUtc\r\na.jpg,normal\r\n");

        var run = CliRun.Of("label", "status", "--labels", labels, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.Json.GetProperty("error").GetProperty("line").GetInt32());
    }

    /// <summary>Five printouts and a copy of the first: four labelled (three normal, one mi), one skipped, one left.</summary>
    private static string Labelled(out string labels)
    {
        var folder = LabelFolder.Create(5, "z-copy-of-a.jpg");
        labels = Path.Combine(folder, "labels.csv");
        var session = LabelSession.Open(folder, labels, LabelClasses.Of(["normal", "mi"]));
        session.Label("a.jpg", "normal");
        session.Label("b.jpg", "normal");
        session.Label("c.jpg", "mi");
        session.Skip("d.jpg");
        session.Label("z-copy-of-a.jpg", "normal");
        return folder;
    }
}
