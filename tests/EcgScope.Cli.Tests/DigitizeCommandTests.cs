using EcgScope.Formats;
using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class DigitizeCommandTests
{
    [Fact]
    public void Digitize_writes_a_wfdb_record_and_an_overlay_and_describes_them_as_json()
    {
        var folder = TestData.TempFolder();
        var image = TestData.File("images", "cardiac-patients", "normal", "Normal(1).jpg");

        var run = CliRun.Of("digitize", image, "--out", folder, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("threeByFourWithRhythm", json.GetProperty("arrangement").GetString());
        Assert.Equal(25, json.GetProperty("millimetersPerSecond").GetDouble());
        Assert.Equal(10, json.GetProperty("millimetersPerMillivolt").GetDouble());
        Assert.InRange(json.GetProperty("pixelsPerMillimeter").GetDouble(), 7.7, 8.05);
        Assert.True(json.GetProperty("confidence").GetDouble() >= 0.9);
        Assert.False(json.GetProperty("lowConfidence").GetBoolean());
        Assert.Equal(13, json.GetProperty("leads").GetArrayLength());

        var header = json.GetProperty("recordHeader").GetString()!;
        Assert.Equal(Path.Combine(folder, "Normal_1_.hea"), header);
        var record = EcgFile.Read(header);
        Assert.Equal(12, record.Leads.Length);
        Assert.Equal(5000, record.SampleCount);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(json.GetProperty("overlayPng").GetString()!)[..4]);
    }

    [Fact]
    public void Info_reads_a_printout_image()
    {
        var run = CliRun.Of("info", TestData.File("cardiac-patients", "normal", "Normal(10).jpg"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Printout image (digitized)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_image_exits_2_saying_why()
    {
        var path = Path.Combine(TestData.TempFolder(), "damaged.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8]);

        var run = CliRun.Of("digitize", path, "--out", TestData.TempFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not an image OpenCV can decode", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmark_digitizer_scores_each_degradation_with_the_challenge_snr()
    {
        var run = CliRun.Of("benchmark", "digitizer", "--data", TestData.Require("ptbxl"), "--fold", "10", "--limit", "1", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Json.GetProperty("degradations");
        Assert.Equal(["clean", "scan", "photo", "rough"], rows.EnumerateArray().Select(row => row.GetProperty("degradation").GetString()));
        Assert.True(rows[0].GetProperty("meanSnrDb").GetDouble() > 5, rows[0].ToString());
    }

    [Fact]
    public void Benchmark_printed_rate_compares_each_footer_with_the_rhythm_strip_and_says_which_it_could_not_read()
    {
        var folder = TestData.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "normal"));
        foreach (var name in new[] { "Normal(1).jpg", "Normal(22).jpg" })
        {
            File.Copy(TestData.File("cardiac-patients", "normal", name), Path.Combine(folder, "normal", name));
        }

        var run = CliRun.Of("benchmark", "printed-rate", "--data", folder, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((2, 1, 1), (run.Json.GetProperty("pages").GetInt32(), run.Json.GetProperty("footersRead").GetInt32(), run.Json.GetProperty("compared").GetInt32()));
        var compared = Assert.Single(run.Json.GetProperty("largestErrors").EnumerateArray());
        Assert.Equal(("normal/Normal(1).jpg", 77), (compared.GetProperty("page").GetString(), compared.GetProperty("printedBpm").GetInt32()));
        Assert.InRange(compared.GetProperty("stripBpm").GetDouble(), 72, 82);
        // Normal(22) prints 49; its 9 reaches into the third digit's place, which matches no digit clearly.
        var unread = Assert.Single(run.Json.GetProperty("notCompared").EnumerateArray());
        Assert.StartsWith("digit 3 after the heart symbol is not clear", unread.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmark_printed_rate_on_a_folder_without_images_is_an_input_error()
    {
        var run = CliRun.Of("benchmark", "printed-rate", "--data", TestData.TempFolder(), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no PNG or JPEG image", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmark_digitizer_scores_only_the_degradations_asked_for()
    {
        var run = CliRun.Of("benchmark", "digitizer", "--data", TestData.Require("ptbxl"), "--fold", "10", "--limit", "1", "--degradation", "clean", "--degradation", "scan", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["clean", "scan"], run.Json.GetProperty("degradations").EnumerateArray().Select(row => row.GetProperty("degradation").GetString()));
    }

    [Fact]
    public void Benchmark_digitizer_refuses_an_unknown_degradation()
    {
        var run = CliRun.Of("benchmark", "digitizer", "--data", TestData.Require("ptbxl"), "--degradation", "fog");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("fog", run.Error, StringComparison.Ordinal);
    }
}
