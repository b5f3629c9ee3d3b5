using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

/// <summary>What scripts may rely on: exit codes, where errors and help go, and that options are named as typed.</summary>
public sealed class CliContractTests
{
    private static readonly string Sample = TestData.RepositoryFile("samples", "mitdb-100-60s.hea");

    [Theory]
    [InlineData("analyze", "--bogus")]
    [InlineData("analyze", "--format", "xml")]
    [InlineData("analyze", "--detector")]
    [InlineData("analyze", "--mains", "fifty")]
    [InlineData("analyze", "--mains", "0.5")]
    [InlineData("analyze", "--sampling-rate", "-3")]
    [InlineData("info", "extra-argument")]
    [InlineData("frobnicate")]
    public void Every_argument_error_exits_2_with_an_error_line(params string[] args)
    {
        var run = CliRun.Of([.. args.Take(1), Sample, .. args.Skip(1)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void With_json_an_argument_error_is_json_on_standard_output()
    {
        var run = CliRun.Of("analyze", Sample, "--format", "json", "--mains", "fifty");

        Assert.Equal(2, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal("--mains", error.GetProperty("option").GetString());
        Assert.Contains("fifty", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void With_json_help_goes_to_standard_error()
    {
        var json = CliRun.Of("analyze", "--help", "--format", "json");
        var text = CliRun.Of("analyze", "--help");

        Assert.Equal(0, json.ExitCode);
        Assert.Empty(json.Output);
        Assert.Contains("--mains", json.Error, StringComparison.Ordinal);
        Assert.Contains("--mains", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_too_low_to_analyse_is_an_error_naming_the_option_not_an_internal_error()
    {
        var csv = Path.Combine(TestData.TempFolder(), "values.csv");
        File.WriteAllLines(csv, Enumerable.Range(0, 3000).Select(i => Math.Sin(i / 10.0).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));

        var tooSlow = CliRun.Of("analyze", csv, "-r", "0.5", "--format", "json");
        var noRate = CliRun.Of("analyze", csv);

        Assert.Equal(2, tooSlow.ExitCode);
        Assert.Equal("--sampling-rate", tooSlow.Json.GetProperty("error").GetProperty("option").GetString());
        Assert.Equal(2, noRate.ExitCode);
        Assert.Contains("--sampling-rate", noRate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("EcgReadOptions", noRate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Peaks_are_listed_in_text_as_well()
    {
        var run = CliRun.Of("analyze", Sample, "--peaks");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("R-peak times (s) 0.2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_lead_record_prints_one_summary_first_and_shared_reasons_once()
    {
        var run = CliRun.Of("analyze", TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"));

        Assert.Equal(0, run.ExitCode);
        var summary = run.Output.IndexOf("record (12 leads)", StringComparison.Ordinal);
        Assert.InRange(summary, 0, run.Output.IndexOf("  lead I", StringComparison.Ordinal));
        Assert.Contains("bpm (median over leads", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Split('\n'), line => line.Contains("HRV frequency domain", StringComparison.Ordinal));
    }
}
