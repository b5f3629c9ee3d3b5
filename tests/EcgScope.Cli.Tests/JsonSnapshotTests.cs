using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

/// <summary>
/// The JSON scripts read, pinned: each command's output for the committed sample record must equal its snapshot in
/// Snapshots/ byte for byte (the sample's absolute path is written as its path in the repository). A deliberate change
/// of the output is recorded by running these tests with ECGSCOPE_UPDATE_SNAPSHOTS=1 and committing the new files
/// (docs/cli.md).
/// </summary>
public sealed class JsonSnapshotTests
{
    private const string Sample = "samples/mitdb-100-60s.hea";

    [Theory]
    [InlineData("info", "info")]
    [InlineData("analyze", "analyze")]
    [InlineData("analyze-mains-60", "analyze", "--mains", "60", "--peaks")]
    [InlineData("error-mains-too-high", "analyze", "--mains", "500")]
    public void Json_output_matches_its_snapshot(string snapshot, string command, params string[] options)
    {
        var samplePath = TestData.RepositoryFile(Sample);
        var run = CliRun.Of([command, samplePath, "--format", "json", .. options]);
        var actual = run.Output.Replace(samplePath, Sample, StringComparison.Ordinal);

        var file = TestData.RepositoryFile("tests", "EcgScope.Cli.Tests", "Snapshots", snapshot + ".json");
        if (Environment.GetEnvironmentVariable("ECGSCOPE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(file, actual);
        }

        Assert.True(File.Exists(file), $"no snapshot {file}: run with ECGSCOPE_UPDATE_SNAPSHOTS=1 to create it");
        Assert.Equal(File.ReadAllText(file), actual);
        Assert.Equal(snapshot.StartsWith("error", StringComparison.Ordinal) ? 2 : 0, run.ExitCode);
    }
}
