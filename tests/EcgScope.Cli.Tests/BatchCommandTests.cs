using EcgScope.Bulk.Tests.Batch;
using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class BatchCommandTests
{
    [Fact]
    public void Batch_writes_one_row_per_record_exits_1_for_the_broken_ones_and_a_rerun_does_nothing_again()
    {
        var folder = BatchFolder.Create();
        var results = Path.Combine(folder, "out", "results.csv");

        var run = CliRun.Of("batch", folder, "--out", results, "--models", "rhythm-cnn", "--parallelism", "2", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json;
        Assert.Equal((6, 6, 0, 2), (json.GetProperty("records").GetInt32(), json.GetProperty("analysed").GetInt32(), json.GetProperty("alreadyDone").GetInt32(), json.GetProperty("failed").GetInt32()));
        Assert.Equal(["rhythm-cnn"], json.GetProperty("models").EnumerateArray().Select(model => model.GetString()));
        Assert.Equal(BatchFolder.NotEcgs, json.GetProperty("unsupportedFiles").EnumerateArray().Select(file => file.GetProperty("name").GetString()));
        var lines = File.ReadAllLines(results);
        Assert.StartsWith("file,fileBytes,fileModifiedUtc,format,durationSeconds,samplingRateHz,leads,", lines[0], StringComparison.Ordinal);
        Assert.Contains("rhythm-cnn.verdict,rhythm-cnn.topProbability,rhythm-cnn.inconclusiveReason,elapsedMs,error", lines[0], StringComparison.Ordinal);
        Assert.Equal(BatchFolder.Records, lines.Skip(1).Select(line => line.Split(',')[0]));

        var rerun = CliRun.Of("batch", folder, "--out", results, "--models", "rhythm-cnn");

        Assert.Equal(1, rerun.ExitCode);
        Assert.Contains("analysed 0 in", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("6 done before, 2 with an error", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("2 file(s) are not ECG records and were left out: cinc/RECORDS, mitdb/ANNOTATORS", rerun.Output, StringComparison.Ordinal);
        Assert.Equal(lines, File.ReadAllLines(results));
    }

    [Fact]
    public void Batch_on_a_cluster_in_this_process_writes_the_same_rows_as_the_local_runner()
    {
        var folder = BatchFolder.Create();
        var local = Path.Combine(folder, "out", "local.csv");
        var clustered = Path.Combine(folder, "out", "cluster.csv");

        var localRun = CliRun.Of("batch", folder, "--out", local, "--models", "rhythm-cnn");
        var clusterRun = CliRun.Of("batch", folder, "--out", clustered, "--models", "rhythm-cnn", "--cluster", "--format", "json");

        Assert.Equal((1, 1), (localRun.ExitCode, clusterRun.ExitCode)); // two broken records in the folder
        Assert.Equal(6, clusterRun.Json.GetProperty("analysed").GetInt32());
        static IEnumerable<string> WithoutTimes(string path) =>
            File.ReadAllLines(path).Select(line => string.Join(',', line.Split(',').Where((_, i) => i != ElapsedColumn(path))));
        Assert.Equal(WithoutTimes(local), WithoutTimes(clustered));
    }

    /// <summary>The column of the time each record took, which differs between runs.</summary>
    private static int ElapsedColumn(string path) => Array.IndexOf(File.ReadLines(path).First().Split(','), "elapsedMs");

    [Fact]
    public void Batch_of_a_fetch_manifest_with_readable_records_only_exits_0()
    {
        var folder = BatchFolder.Create();
        var cinc = Path.Combine(folder, "cinc");
        var manifest = Path.Combine(cinc, "manifest.jsonl");
        File.WriteAllLines(manifest, new[] { "A00001.hea", "A00001.mat" }.Select(file =>
            $$"""{"url":"https://storage.example/{{file}}","file":"{{file}}","bytes":{{new FileInfo(Path.Combine(cinc, file)).Length}},"sha256":"00","status":"done","error":null,"verifiedBy":"length"}"""));

        var run = CliRun.Of("batch", manifest, "--out", Path.Combine(folder, "results.csv"), "--no-models");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(1 records of", run.Output, StringComparison.Ordinal);
        Assert.Contains("models: none", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(folder, "results.csv")).Length);
    }

    [Theory]
    [InlineData("--models", "no-such-model", "--models")]
    [InlineData("--parallelism", "many", "--parallelism")]
    [InlineData("--parallelism", "0", "--parallelism")]
    [InlineData("--no-models", "--models=rhythm-cnn", "--no-models")]
    public void A_bad_option_exits_2_naming_it(string option, string value, string named)
    {
        var folder = TestData.TempFolder();

        var run = CliRun.Of("batch", folder, "--out", Path.Combine(folder, "results.csv"), option, value, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal(named, error.GetProperty("option").GetString());
    }

    [Fact]
    public void Results_of_other_models_a_missing_input_or_a_single_ecg_file_exit_2_and_say_what_to_do()
    {
        var folder = TestData.TempFolder();
        var results = Path.Combine(folder, "results.csv");
        Assert.Equal(0, CliRun.Of("batch", folder, "--out", results, "--no-models").ExitCode);

        var otherModels = CliRun.Of("batch", folder, "--out", results, "--models", "rhythm-cnn");
        var missing = CliRun.Of("batch", Path.Combine(folder, "nowhere"), "--out", results);
        var single = CliRun.Of("batch", TestData.RepositoryFile("samples", "mitdb-100-60s.hea"), "--out", results);

        Assert.Equal((2, 2, 2), (otherModels.ExitCode, missing.ExitCode, single.ExitCode));
        Assert.Contains("--out", otherModels.Error, StringComparison.Ordinal);
        Assert.Contains("holds the verdicts of no model, this run asks for rhythm-cnn", otherModels.Error, StringComparison.Ordinal);
        Assert.Contains("no such folder or file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("'ecgscope analyze'", single.Error, StringComparison.Ordinal);
    }
}
