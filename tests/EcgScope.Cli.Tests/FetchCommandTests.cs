using EcgScope.Bulk.Tests;
using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class FetchCommandTests
{
    private const string Signature = "c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";

    [Fact]
    public async Task Fetch_downloads_the_list_reports_each_failure_and_exits_1_without_ever_showing_the_token()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var list = Path.Combine(folder, "urls.txt");
        File.WriteAllLines(list, ["# two good, one missing", storage.Url("500", "a.dat").OriginalString, storage.Url("md5", "b.dat").OriginalString, storage.Url("missing", "c.dat").OriginalString]);
        var variable = $"ECGSCOPE_TEST_TOKEN_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "?sv=2026-01-01&sig=" + Signature);
        var output = Path.Combine(folder, "out");

        var run = CliRun.Of("fetch", "--urls", list, "--out", output, "--token-env", variable, "--concurrency", "2", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json;
        Assert.Equal((2, 0, 1), (json.GetProperty("done").GetInt32(), json.GetProperty("skipped").GetInt32(), json.GetProperty("failed").GetInt32()));
        var failed = json.GetProperty("files").EnumerateArray().Single(file => file.GetProperty("status").GetString() == "failed");
        Assert.Contains("HTTP 404", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(FaultyStorage.Content("md5/b.dat"), File.ReadAllBytes(Path.Combine(output, "b.dat")));
        Assert.All(storage.Requests, request => Assert.Contains("sig=" + Signature, request.Query, StringComparison.Ordinal));
        foreach (var text in new[] { run.Output, run.Error, File.ReadAllText(Path.Combine(output, "manifest.jsonl")) })
        {
            Assert.DoesNotContain(Signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain("sig=", text, StringComparison.Ordinal);
        }

        var rerun = CliRun.Of("fetch", "--urls", list, "--out", output, "--token-env", variable);
        Assert.Equal(1, rerun.ExitCode);
        Assert.Contains("done 0, skipped 2 (complete before), failed 1", rerun.Output, StringComparison.Ordinal);
        Assert.Contains($"failed {storage.Url("missing", "c.dat")}: HTTP 404", rerun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_exits_0_when_every_url_is_in_place()
    {
        await using var storage = await FaultyStorage.StartAsync();
        var folder = TestData.TempFolder();
        var list = Path.Combine(folder, "urls.txt");
        File.WriteAllLines(list, [storage.Url("ok", "a.dat").OriginalString]);

        var run = CliRun.Of("fetch", "--urls", list, "--out", Path.Combine(folder, "out"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("done 1, skipped 0 (complete before), failed 0", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls", "missing-list")]
    [InlineData("--token-env", "unset-variable")]
    [InlineData("--concurrency", "0")]
    [InlineData("--concurrency", "65")]
    [InlineData("--concurrency", "abc")]
    [InlineData("--out", "a-file")]
    public void A_usage_error_exits_2_and_names_the_option(string option, string value)
    {
        var folder = TestData.TempFolder();
        var list = Path.Combine(folder, "urls.txt");
        File.WriteAllLines(list, ["http://127.0.0.1:9/a.dat"]);
        string[] args = option switch
        {
            "--urls" => ["--urls", Path.Combine(folder, value)],
            "--token-env" => ["--urls", list, "--token-env", $"ECGSCOPE_TEST_{Guid.NewGuid():N}"],
            "--out" => ["--urls", list],
            _ => ["--urls", list, option, value],
        };
        var output = Path.Combine(folder, "out");
        if (option == "--out")
        {
            File.WriteAllText(output, "not a folder");
        }

        var run = CliRun.Of(["fetch", .. args, "--out", output, "--format", "json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(option, run.Json.GetProperty("error").GetProperty("option").GetString());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_line_that_is_no_url_is_an_input_error_with_its_line()
    {
        var folder = TestData.TempFolder();
        var list = Path.Combine(folder, "urls.txt");
        File.WriteAllLines(list, ["http://127.0.0.1:9/a.dat", "not a url"]);

        var run = CliRun.Of("fetch", "--urls", list, "--out", Path.Combine(folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {list}, line 2: 'not a url'", run.Error, StringComparison.Ordinal);
    }
}
