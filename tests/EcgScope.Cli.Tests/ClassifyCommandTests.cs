using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

/// <summary>ecgscope classify and models with the models shipped in models/ (copied beside the CLI by the build).</summary>
public sealed class ClassifyCommandTests
{
    [Fact]
    public void Models_lists_the_rhythm_model_with_its_card_and_figures()
    {
        var run = CliRun.Of("models", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var rhythm = run.Json.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "rhythm-cnn");
        Assert.Equal(["Normal", "AF", "Other", "Noisy"], rhythm.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(100, rhythm.GetProperty("input").GetProperty("sampleRateHz").GetDouble());
        Assert.InRange(rhythm.GetProperty("metrics").GetProperty("challengeF1").GetDouble(), 0.5, 1);
        Assert.True(File.Exists(TestData.RepositoryFile(rhythm.GetProperty("card").GetString()!)));
    }

    [Fact]
    public void Classify_gives_calibrated_probabilities_and_relevance_for_an_apple_watch_csv()
    {
        var csv = Directory.GetFiles(TestData.Require("apple-health"), "*.csv").Order(StringComparer.Ordinal).First();

        var run = CliRun.Of("classify", csv, "--model", "rhythm-cnn", "--explain", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var verdict = run.Json.GetProperty("verdicts").EnumerateArray().Single();
        Assert.Equal("I", verdict.GetProperty("leadName").GetString());
        var probabilities = verdict.GetProperty("probabilities").EnumerateArray().Select(p => p.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(1, probabilities.Sum(), 6);
        Assert.Contains("not a diagnosis", verdict.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var explanations = verdict.GetProperty("explanations").EnumerateArray().ToArray();
        Assert.Equal(["classActivation", "occlusion"], explanations.Select(e => e.GetProperty("method").GetString()));
        Assert.Equal(60, explanations[0].GetProperty("scores").GetArrayLength()); // 30 s in 0.5 s bins
        Assert.Equal(30, explanations[1].GetProperty("scores").GetArrayLength()); // 30 s in 1 s segments
        Assert.All(explanations, e => Assert.Equal(1, e.GetProperty("scores").EnumerateArray().Max(s => s.GetDouble()), 9));
    }

    [Fact]
    public void The_ensemble_explains_its_verdict_by_the_trace_and_by_the_measures_that_weighed_most()
    {
        var run = CliRun.Of("classify", TestData.File("cinc2017", "training2017", "A00004.hea"), "--model", "rhythm-ensemble", "--explain", "--format", "json");
        var text = CliRun.Of("classify", TestData.File("cinc2017", "training2017", "A00004.hea"), "--model", "rhythm-ensemble", "--explain");

        Assert.Equal(0, run.ExitCode);
        var verdict = run.Json.GetProperty("verdicts").EnumerateArray().Single();
        Assert.Equal("AF", verdict.GetProperty("verdict").GetString());
        Assert.NotEmpty(verdict.GetProperty("explanations").EnumerateArray());
        var measures = verdict.GetProperty("measures").EnumerateArray().ToArray();
        Assert.Equal(5, measures.Length);
        Assert.All(measures, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("aspect").GetString())));
        Assert.Contains(measures[0].GetProperty("name").GetString()!, verdict.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("    measures      " + measures[0].GetProperty("name").GetString(), text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_twelve_lead_record_gets_the_rhythm_verdict_from_lead_I_and_the_superclass_flags()
    {
        var run = CliRun.Of("classify", TestData.File("ptbxl", "records100", "00000", "00001_lr.hea"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[rhythm-cnn, lead I]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[superclass-cnn, lead I]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not run", run.Output, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_with_a_path_draws_each_verdict_on_ecg_paper()
    {
        var folder = TestData.TempFolder();
        var image = Path.Combine(folder, "explained.png");

        var run = CliRun.Of("classify", TestData.File("cinc2017", "training2017", "A00004.hea"), "--explain", image, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var verdicts = run.Json.GetProperty("verdicts").EnumerateArray().ToArray();
        Assert.Equal(["rhythm-cnn", "rhythm-ensemble"], verdicts.Select(v => v.GetProperty("model").GetString()));
        foreach (var verdict in verdicts)
        {
            // One image per model when several answer: explained.MODEL.png.
            var png = File.ReadAllBytes(Path.Combine(folder, $"explained.{verdict.GetProperty("model").GetString()}.png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            Assert.InRange(width, 3000, 3200); // 30 s at 25 mm/s and 4 px/mm, plus margins
            Assert.NotEmpty(verdict.GetProperty("explanations").EnumerateArray());
        }
    }

    [Fact]
    public void A_single_lead_recording_runs_the_single_lead_models_and_says_which_it_could_not()
    {
        var csv = Directory.GetFiles(TestData.Require("apple-health"), "*.csv").Order(StringComparer.Ordinal).First();

        var all = CliRun.Of("classify", csv, "--format", "json");
        var twelveLead = CliRun.Of("classify", csv, "--model", "superclass-cnn", "--format", "json");

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(["rhythm-cnn", "rhythm-ensemble"], all.Json.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("model").GetString()));
        var notApplicable = all.Json.GetProperty("notApplicable").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(notApplicable, m => m.StartsWith("superclass-cnn: it reads the leads I, II", StringComparison.Ordinal));
        Assert.Contains(notApplicable, m => m.StartsWith("recurrence-cnn: it reads the leads I, II", StringComparison.Ordinal));
        Assert.Equal(2, twelveLead.ExitCode);
        Assert.Contains("lacks II", twelveLead.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_is_a_usage_error_that_lists_the_models()
    {
        var run = CliRun.Of("classify", TestData.File("cinc2017", "training2017", "A00001.hea"), "--model", "nonsense", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        var message = run.Json.GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("nonsense", message, StringComparison.Ordinal);
        Assert.Contains("rhythm-cnn", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_models_folder_is_an_input_error()
    {
        var folder = Path.Combine(TestData.TempFolder(), "no-models-here");

        var run = CliRun.Of("models", "--models-dir", folder, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(folder, run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
