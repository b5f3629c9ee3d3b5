using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_measures_every_lead_of_a_mit_bih_record()
    {
        var run = CliRun.Of("analyze", TestData.File("mitdb", "100.hea"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var leads = run.Json.GetProperty("leads").EnumerateArray().ToArray();
        Assert.Equal(2, leads.Length);
        var mlii = leads[0];
        Assert.Equal("MLII", mlii.GetProperty("name").GetString());
        // The reference annotations hold 2273 beats; a good detector finds them within a handful.
        Assert.InRange(mlii.GetProperty("rPeakCount").GetInt32(), 2263, 2283);
        Assert.InRange(mlii.GetProperty("heartRateBpm").GetDouble(), 74, 78);
        Assert.InRange(mlii.GetProperty("hrvTimeDomain").GetProperty("sdnnMs").GetDouble(), 20, 80);
        Assert.True(mlii.GetProperty("hrvFrequencyDomain").GetProperty("hfMs2").GetDouble() > 0);
        Assert.Contains("does not diagnose", run.Json.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_second_record_says_why_frequency_hrv_is_missing()
    {
        var run = CliRun.Of("analyze", TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var leads = run.Json.GetProperty("leads").EnumerateArray().ToArray();
        Assert.Equal(12, leads.Length);
        foreach (var lead in leads)
        {
            Assert.Contains("120 s", lead.GetProperty("hrvUnavailable").GetProperty("frequencyDomain").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyze_can_list_r_peak_times_and_choose_the_detector()
    {
        var run = CliRun.Of("analyze", TestData.File("cinc2017", "training2017", "A00001.hea"), "--format", "json", "--peaks", "--detector", "pantompkins1985");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("pantompkins1985", run.Json.GetProperty("detector").GetString());
        var lead = run.Json.GetProperty("leads")[0];
        var times = lead.GetProperty("rPeakSeconds").EnumerateArray().Select(t => t.GetDouble()).ToArray();
        Assert.Equal(lead.GetProperty("rPeakCount").GetInt32(), times.Length);
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.Second > pair.First));
    }

    [Fact]
    public void An_unknown_detector_is_an_input_error()
    {
        var run = CliRun.Of("analyze", TestData.File("mitdb", "100.hea"), "--detector", "magic");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pantompkins1985", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_output_carries_the_disclaimer()
    {
        var run = CliRun.Of("analyze", TestData.File("apple-health", "ecg_2024-08-19.csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("device says: Sinus Rhythm", run.Output, StringComparison.Ordinal);
        Assert.Contains("not medical advice", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_comma_rate_is_refused_not_read_as_thousands()
    {
        var run = CliRun.Of("analyze", TestData.File("mitdb", "100.hea"), "--sampling-rate", "250,5");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("use a dot for decimals", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mains_notch_the_record_cannot_hold_is_an_input_error()
    {
        var run = CliRun.Of("analyze", TestData.File("ptbxl", "records100", "00000", "00001_lr.hea"), "--mains", "50", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("above 100 Hz", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("--mains", run.Json.GetProperty("error").GetProperty("option").GetString());
    }

    [Fact]
    public void The_report_says_how_the_signal_was_cleaned()
    {
        var run = CliRun.Of("analyze", TestData.File("mitdb", "100.hea"), "--mains", "60", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var pipeline = run.Json.GetProperty("pipeline");
        Assert.Equal(0.5, pipeline.GetProperty("highPassHz").GetDouble());
        Assert.Equal(40, pipeline.GetProperty("lowPassHz").GetDouble());
        Assert.Equal(60, pipeline.GetProperty("notchHz").GetDouble());
        var inputs = pipeline.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("measure").GetString()!, m => m.GetProperty("input").GetString());
        Assert.Equal("notched lead", inputs["R-peaks"]);
        Assert.Equal("notched lead", inputs["signal quality"]);
        Assert.Equal("band-passed lead", inputs["median beat"]);
        Assert.Equal("corrected R-peaks", inputs["heart rate and HRV"]);
    }
}
