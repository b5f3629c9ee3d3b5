using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class InfoCommandTests
{
    [Fact]
    public void Info_describes_a_mit_bih_record_as_json()
    {
        var run = CliRun.Of("info", TestData.File("mitdb", "100.hea"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("WFDB", json.GetProperty("format").GetString());
        Assert.Equal(360.0, json.GetProperty("samplingRateHz").GetDouble());
        Assert.Equal(650000, json.GetProperty("sampleCount").GetInt32());
        Assert.Equal(["MLII", "V5"], json.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(2273, json.GetProperty("beatAnnotationCount").GetInt32());
        Assert.Equal("2 of 2 verified", json.GetProperty("properties").GetProperty("WFDB checksums").GetString());
    }

    [Fact]
    public void Info_prints_text_by_default()
    {
        var run = CliRun.Of("info", TestData.File("mitdb", "100.hea"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sampling rate     360 Hz", run.Output, StringComparison.Ordinal);
        Assert.Contains("MLII", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_file_gives_the_place_and_reason_and_exit_code_2()
    {
        var folder = TestData.TempFolder();
        var header = Path.Combine(folder, "bad.hea");
        File.WriteAllText(header, "bad 1 fast 1000\nbad.dat 212 200 11 1024 0 0 0 MLII\n");

        var run = CliRun.Of("info", header, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal(header, error.GetProperty("file").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Contains("fast", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_input_error_not_a_crash()
    {
        var run = CliRun.Of("info", "/nonexistent/record.hea");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_counts_ludb_per_lead_annotations()
    {
        var run = CliRun.Of("info", TestData.File("ludb", "data", "1.hea"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var leads = run.Json.GetProperty("leads").EnumerateArray().ToArray();
        Assert.Equal(12, leads.Length);
        Assert.All(leads, lead => Assert.True(lead.GetProperty("annotationCount").GetInt32() > 0));
        // LUDB's 1.i: P, QRS and T waves of 10 s, each with onset, peak and offset.
        Assert.Equal(48, leads[0].GetProperty("annotationCount").GetInt32());
    }

    [Fact]
    public void Info_says_when_a_header_gives_no_checksum()
    {
        var folder = TestData.TempFolder();
        var header = Path.Combine(folder, "plain.hea");
        File.WriteAllText(header, "plain 1 100 4\nplain.dat 16 200 16 0\n");
        File.WriteAllBytes(Path.Combine(folder, "plain.dat"), [1, 0, 2, 0, 3, 0, 4, 0]);

        var run = CliRun.Of("info", header);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("checksum not given", run.Output, StringComparison.Ordinal);
    }
}
