using EcgScope.Testing;

namespace EcgScope.Configuration.Tests;

/// <summary>One class: the environment is process-wide, so these tests never run side by side.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string folder = TestData.TempFolder();
    private readonly List<string> variables = [];

    [Fact]
    public void A_flag_beats_the_environment_which_beats_the_file_which_beats_the_default()
    {
        var file = Write("""{ "Web": { "MaxFiles": 3, "MaxZipEntries": 10 }, "Batch": { "Parallelism": 2 } }""");
        Set("ECGSCOPE__Web__MaxFiles", "4");

        var (settings, root) = EcgScopeConfiguration.Load(file, [new("Batch:Parallelism", "5")]);

        Assert.Equal(4, settings.Web.MaxFiles); // environment over file
        Assert.Equal(10, settings.Web.MaxZipEntries); // file over default
        Assert.Equal(5, settings.Batch.Parallelism); // flag over file
        Assert.Equal(25L << 20, settings.Web.MaxFileBytes); // default
        var shown = EffectiveSettings.List(settings, root).ToDictionary(s => s.Key);
        Assert.Equal(("4", "environment"), (shown["Web:MaxFiles"].Value, shown["Web:MaxFiles"].Source));
        Assert.Equal("file " + file, shown["Web:MaxZipEntries"].Source);
        Assert.Equal("flag", shown["Batch:Parallelism"].Source);
        Assert.Equal("default", shown["Web:MaxFileBytes"].Source);
    }

    [Fact]
    public void Secrets_are_never_shown()
    {
        Set("ECGSCOPE__LanguageModel__ApiKey", "sk-very-secret");
        var file = Write("""{ "LanguageModel": { "Endpoint": "http://127.0.0.1:11434/v1", "Model": "llama" } }""");

        var (settings, root) = EcgScopeConfiguration.Load(file);

        Assert.Equal("sk-very-secret", settings.LanguageModel.ApiKey);
        var shown = EffectiveSettings.List(settings, root);
        Assert.Equal(EffectiveSetting.Masked, shown.Single(s => s.Key == "LanguageModel:ApiKey").Value);
        Assert.DoesNotContain(shown, s => s.Value.Contains("secret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "Web": { "MaxFiles": "many" } }""", "Web:MaxFiles")]
    [InlineData("""{ "Web": { "MaxFiles": 0 } }""", "Web:MaxFiles")]
    [InlineData("""{ "Batch": { "Parallelism": -1 } }""", "Batch:Parallelism")]
    [InlineData("""{ "Models": { "MinimumProbability": { "rhythm-cnn": 1.5 } } }""", "Models:MinimumProbability:rhythm-cnn")]
    [InlineData("""{ "Models": { "Enabled": [ "rhythm-cnm" ] } }""", "Models:Enabled")]
    [InlineData("""{ "Models": { "Directory": "/no/such/folder" } }""", "Models:Directory")]
    [InlineData("""{ "LanguageModel": { "Endpoint": "ftp://example.org/v1", "Model": "m" } }""", "LanguageModel:Endpoint")]
    [InlineData("""{ "LanguageModel": { "Endpoint": "http://127.0.0.1:1/v1" } }""", "LanguageModel:Model")]
    [InlineData("""{ "Web": { "ReadTimeout": "soon" } }""", "Web:ReadTimeout")]
    [InlineData("""{ "Labelling": { "Classes": [ "normal", "Normal" ] } }""", "Labelling:Classes")]
    [InlineData("""{ "Labelling": { "Classes": [ "a/b" ] } }""", "Labelling:Classes")]
    [InlineData("""{ "Labelling": { "Folder": "/no/such/folder" } }""", "Labelling:Folder")]
    [InlineData("""{ "Web": { "AnalysisOn": "elsewhere" } }""", "Web:AnalysisOn")]
    [InlineData("""{ "Web": { "AnalysisOn": "cluster" } }""", "Cluster:ConnectionString")]
    public void A_bad_value_is_refused_naming_its_key(string json, string key)
    {
        var error = Assert.Throws<SettingsException>(() => EcgScopeConfiguration.Load(Write(json)));

        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_app_analyses_in_its_own_process_unless_told_to_use_the_cluster()
    {
        Assert.Equal(AnalysisPlace.Process, EcgScopeConfiguration.Load(Write("{}")).Settings.Web.AnalysisOn);

        var (settings, _) = EcgScopeConfiguration.Load(Write("""{ "Web": { "AnalysisOn": "cluster" }, "Cluster": { "ConnectionString": "Host=db" } }"""));

        Assert.Equal(AnalysisPlace.Cluster, settings.Web.AnalysisOn);
    }

    [Fact]
    public void A_named_file_that_does_not_exist_is_refused()
    {
        var error = Assert.Throws<SettingsException>(() => EcgScopeConfiguration.Load(Path.Combine(folder, "missing.json")));

        Assert.Equal("--config", error.Key);
    }

    [Fact]
    public void Enabled_models_and_thresholds_reach_the_registry()
    {
        var file = Write("""{ "Models": { "Enabled": [ "rhythm-cnn" ], "MinimumProbability": { "rhythm-cnn": 0.8 } } }""");

        var (settings, _) = EcgScopeConfiguration.Load(file);
        using var registry = settings.Models.OpenRegistry();

        var card = Assert.Single(registry.Cards);
        Assert.Equal("rhythm-cnn", card.Name);
        Assert.Equal(0.8, card.Decision.MinimumProbability);
        Assert.Equal(0.8, registry.Load("rhythm-cnn").Card.Decision.MinimumProbability);
    }

    [Fact]
    public void The_documented_sample_is_valid_and_lists_every_setting()
    {
        var sample = TestData.RepositoryFile("docs", "ecgscope.sample.json");

        var (settings, root) = EcgScopeConfiguration.Load(sample);

        var keys = EffectiveSettings.List(settings, root).Select(s => s.Key).ToHashSet();
        Assert.Contains("Web:MaxFileBytes", keys);
        var text = File.ReadAllText(sample);
        foreach (var section in new[] { "Models", "Batch", "Web", "LanguageModel", "Labelling" })
        {
            Assert.Contains($"\"{section}\"", text, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        foreach (var variable in variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, $"ecgscope-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private void Set(string variable, string value)
    {
        variables.Add(variable);
        Environment.SetEnvironmentVariable(variable, value);
    }
}
