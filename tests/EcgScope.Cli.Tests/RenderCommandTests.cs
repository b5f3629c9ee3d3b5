using EcgScope.Formats;
using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class RenderCommandTests
{
    [Fact]
    public void Render_writes_the_image_its_truth_and_the_printed_record_and_describes_them_as_json()
    {
        var folder = TestData.TempFolder();
        var record = TestData.File("ptbxl", "records500", "00000", "00001_hr.hea");

        var run = CliRun.Of("render", record, "--layout", "6x2", "--speed", "50", "--gain", "5", "--grid", "dots", "--degrade", "scan", "--seed", "4", "--dpi", "150", "--out", folder, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        var image = json.GetProperty("image").GetString()!;
        Assert.Equal(Path.Combine(folder, "00001_hr.png"), image);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(image)[..4]);
        Assert.Equal("6x2", json.GetProperty("layout").GetString());
        Assert.Equal(50, json.GetProperty("millimetersPerSecond").GetDouble());
        Assert.Equal(5, json.GetProperty("millimetersPerMillivolt").GetDouble());
        Assert.Equal(150 / 25.4, json.GetProperty("pixelsPerMillimeter").GetDouble(), 9);
        Assert.Equal("dots", json.GetProperty("grid").GetString());
        Assert.Equal("scan", json.GetProperty("degradation").GetString());
        Assert.Equal(12, json.GetProperty("panelCount").GetInt32());

        var truthJson = File.ReadAllText(json.GetProperty("truthFile").GetString()!);
        using var truth = System.Text.Json.JsonDocument.Parse(truthJson);
        Assert.Equal("sixByTwo", truth.RootElement.GetProperty("arrangement").GetString());
        Assert.Equal(9, truth.RootElement.GetProperty("imageFromPaper").GetArrayLength());
        Assert.Equal(4, truth.RootElement.GetProperty("panels")[0].GetProperty("boxPixels").GetArrayLength());
        var truthFile = Imaging.Rendering.PrintoutTruthFile.Parse(truthJson);
        Assert.Equal("00001_hr_truth.hea", truthFile.Record);
        Assert.Equal(12, truthFile.Layout.Panels.Length);
        Assert.Equal((truthFile.WidthPixels, truthFile.HeightPixels), (json.GetProperty("widthPixels").GetInt32(), json.GetProperty("heightPixels").GetInt32()));

        // The printed record: each lead's half of the 10 s, NaN in the other half.
        var printed = EcgFile.Read(json.GetProperty("record").GetString()!);
        Assert.Equal(12, printed.Leads.Length);
        Assert.Equal(5000, printed.SampleCount);
        Assert.True(double.IsNaN(printed.FindLead("V1")!.Span[100]));
        Assert.False(double.IsNaN(printed.FindLead("V1")!.Span[2600]));
        Assert.False(double.IsNaN(printed.FindLead("I")!.Span[100]));
    }

    [Fact]
    public void Render_prints_the_files_in_text()
    {
        var run = CliRun.Of("render", TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"), "--out", TestData.TempFolder());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("00001_hr.truth.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("page     3x4, 25 mm/s, 10 mm/mV, 7.874 px/mm, red grid, 13 panels, degradation clean (seed 0)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_named_with_spaces_gives_files_named_with_underscores()
    {
        var source = TestData.TempFolder();
        // The header names its signal file, which keeps its own name.
        File.Copy(TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"), Path.Combine(source, "my record.hea"));
        File.Copy(TestData.File("ptbxl", "records500", "00000", "00001_hr.dat"), Path.Combine(source, "00001_hr.dat"));
        var folder = TestData.TempFolder();

        var run = CliRun.Of("render", Path.Combine(source, "my record.hea"), "--out", folder, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Path.Combine(folder, "my_record_truth.hea"), run.Json.GetProperty("record").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "my_record.png")));
    }

    [Theory]
    [InlineData("--layout", "4x3")]
    [InlineData("--speed", "12.5")]
    [InlineData("--gain", "15")]
    [InlineData("--grid", "purple")]
    [InlineData("--degrade", "crumpled")]
    [InlineData("--dpi", "20")]
    public void An_unknown_setting_exits_2_naming_the_option(string option, string value)
    {
        var run = CliRun.Of("render", TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"), option, value, "--out", TestData.TempFolder(), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_twelve_leads_exits_2_naming_what_it_lacks()
    {
        var run = CliRun.Of("render", TestData.File("mitdb", "100.hea"), "--out", TestData.TempFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("twelve standard leads", run.Error, StringComparison.Ordinal);
    }
}
