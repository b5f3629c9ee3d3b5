using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class ConfigCommandTests
{
    private readonly string folder = TestData.TempFolder();

    [Fact]
    public void Config_show_prints_each_value_with_its_source_and_masks_secrets()
    {
        var file = Write("""{ "Batch": { "Parallelism": 3 }, "LanguageModel": { "Endpoint": "http://127.0.0.1:8080/v1", "Model": "m", "ApiKey": "sk-in-a-file" } }""");

        var run = CliRun.Of("config", "show", "--config", file, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var settings = run.Json.GetProperty("settings").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        Assert.Equal("3", settings["Batch:Parallelism"].GetProperty("value").GetString());
        Assert.Equal("file " + file, settings["Batch:Parallelism"].GetProperty("source").GetString());
        Assert.Equal("default", settings["Web:MaxFiles"].GetProperty("source").GetString());
        Assert.Equal("***", settings["LanguageModel:ApiKey"].GetProperty("value").GetString());
        Assert.DoesNotContain("sk-in-a-file", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_setting_stops_a_command_with_exit_2_naming_the_key()
    {
        var file = Write("""{ "Models": { "Enabled": [ "no-such-model" ] } }""");

        var run = CliRun.Of("models", "--config", file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Models:Enabled: No model called 'no-such-model'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_models_in_the_configuration_are_the_models_listed_and_the_flag_wins_over_the_file()
    {
        var file = Write("""{ "Models": { "Enabled": [ "superclass-cnn" ], "Directory": "/no/such/folder" } }""");

        Assert.Equal(2, CliRun.Of("models", "--config", file).ExitCode); // the file's folder does not exist

        var run = CliRun.Of("models", "--config", file, "--models-dir", Path.Combine(AppContext.BaseDirectory, "models"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["superclass-cnn"], run.Json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, $"ecgscope-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
