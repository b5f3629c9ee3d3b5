using System.Text.Json;
using EcgScope.Testing;

namespace EcgScope.Packaging.Tests;

public sealed class ToolPackageTests(PackedSolution packed)
{
    [Fact]
    public async Task The_ecgscope_tool_installs_from_the_packages_and_describes_the_bundled_sample()
    {
        var folder = TestData.TempFolder();
        var toolPath = Path.Combine(folder, "tools");
        var config = packed.WriteNuGetConfig(folder);
        await DotnetCli.RunAsync(
            folder, null, "tool", "install", "ecgscope", "--tool-path", toolPath, "--configfile", config, "--version", packed.Version);

        var sample = Path.Combine(packed.RepositoryRoot, "samples", "mitdb-100-60s.hea");
        var output = (await DotnetCli.RunProgramAsync(Path.Combine(toolPath, "ecgscope"), folder, null, "info", sample, "--format", "json"))
            .SucceededOutput();

        using var json = JsonDocument.Parse(output);
        var info = json.RootElement;
        Assert.Equal("WFDB", info.GetProperty("format").GetString());
        Assert.Equal(360.0, info.GetProperty("samplingRateHz").GetDouble());
        Assert.Equal(60.0, info.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(["MLII", "V5"], info.GetProperty("leads").EnumerateArray().Select(lead => lead.GetProperty("name").GetString()));
    }
}
