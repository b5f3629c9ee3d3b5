using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class BenchmarkCommandTests
{
    [Fact]
    public void Benchmark_scores_each_record_and_the_total()
    {
        var folder = TestData.TempFolder();
        foreach (var record in new[] { "100", "207" })
        {
            foreach (var extension in new[] { ".hea", ".dat", ".atr" })
            {
                File.Copy(TestData.File("mitdb", record + extension), Path.Combine(folder, record + extension));
            }
        }

        var run = CliRun.Of("benchmark", "qrs", "--data", folder, "--format", "json", "--timing-runs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Json.GetProperty("recordCount").GetInt32());
        foreach (var detector in run.Json.GetProperty("detectors").EnumerateArray())
        {
            var records = detector.GetProperty("records").EnumerateArray().ToArray();
            Assert.Equal(["100", "207"], records.Select(r => r.GetProperty("record").GetString()));
            var total = detector.GetProperty("total");
            var summed = records.Sum(r => r.GetProperty("whole").GetProperty("truePositives").GetInt32());
            Assert.Equal(summed, total.GetProperty("truePositives").GetInt32());
            // Record 100 holds 2273 reference beats, record 207 1860.
            Assert.Equal(2273 + 1860, total.GetProperty("referenceBeats").GetInt32());
            Assert.True(detector.GetProperty("samplesPerSecond").GetDouble() > 0);
        }
    }

    [Fact]
    public void A_folder_without_annotated_records_is_an_input_error()
    {
        var run = CliRun.Of("benchmark", "qrs", "--data", TestData.TempFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".atr", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "has 2 leads (MLII, V5)")]
    [InlineData("-1", "counts from 0")]
    public void A_lead_the_records_do_not_have_is_an_input_error(string lead, string reason)
    {
        var run = CliRun.Of("benchmark", "qrs", "--data", SampleFolder(), "--lead", lead, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_sample_is_analysable()
    {
        var sample = Path.Combine(SampleFolder(), "mitdb-100-60s.hea");

        var run = CliRun.Of("analyze", sample, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var lead = run.Json.GetProperty("leads")[0];
        Assert.InRange(lead.GetProperty("rPeakCount").GetInt32(), 70, 78);
    }

    private static string SampleFolder() => Path.Combine(RepositoryRoot(), "samples");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EcgScope.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("EcgScope.slnx not found above the test binaries.");
    }
}
