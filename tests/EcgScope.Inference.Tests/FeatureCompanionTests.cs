using System.Text.Json.Nodes;
using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.Signal.Features;
using EcgScope.Testing;

namespace EcgScope.Inference.Tests;

/// <summary>
/// The shipped rhythm ensemble: a network whose card carries feature trees as its companion. Its verdict is the mean
/// of both models' probabilities, its explanation names the measures that weighed most, and cards that would pair the
/// trees with the wrong input are refused.
/// </summary>
public sealed class FeatureCompanionTests
{
    private const string Ensemble = "rhythm-ensemble";

    /// <summary>A CinC 2017 recording labelled AF.</summary>
    private static string AfRecording => TestData.File("cinc2017", "training2017", "A00004.hea");

    [Fact]
    public void The_verdict_is_the_tempered_mean_of_the_networks_and_the_trees_calibrated_probabilities()
    {
        var models = TestData.CopyOfShippedModels();
        var card = ReadCard(models, Ensemble);
        card.Remove("companion");
        card["name"] = "rhythm-network";
        card["weights"]!.AsObject().Remove("model");
        AddModel(models, "rhythm-network", card, Path.Combine(models, "rhythm-cnn", "rhythm-cnn.onnx"));
        using var registry = new ModelRegistry(models);
        var record = EcgFile.Read(AfRecording);
        var ensemble = registry.Load(Ensemble);

        var mixed = Values(EcgClassifier.Classify(record, ensemble));
        var network = Values(EcgClassifier.Classify(record, registry.Load("rhythm-network")));
        var trees = TreeProbabilities(ensemble, record);

        var companion = ensemble.Card.Companion!;
        Assert.NotEqual(1, companion.Temperature, 2);
        Assert.NotEqual(1, companion.MixtureTemperature, 2);
        // Tempering probabilities is raising them to 1 / T and normalising.
        var mean = network.Select((p, c) => ((1 - companion.Share) * p) + (companion.Share * trees[c])).ToArray();
        var raised = mean.Select(p => Math.Pow(p, 1 / companion.MixtureTemperature)).ToArray();
        for (var c = 0; c < mixed.Length; c++)
        {
            Assert.Equal(raised[c] / raised.Sum(), mixed[c], 9);
        }

        Assert.NotEqual(network[1], mixed[1], 3);
    }

    [Fact]
    public void An_explained_verdict_names_the_measures_that_weighed_most()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));

        var verdict = EcgClassifier.Classify(EcgFile.Read(AfRecording), registry.Load(Ensemble), explain: true);

        Assert.Equal(["AF"], verdict.Classes);
        Assert.Equal(5, verdict.Measures.Length);
        Assert.All(verdict.Measures, measure => Assert.Contains(measure.Name, RhythmFeatures.Names));
        Assert.Equal(verdict.Measures.OrderByDescending(m => Math.Abs(m.Contribution)), verdict.Measures);
        Assert.True(verdict.Measures[0].Contribution > 0, "the measure that weighed most should raise the chosen class");
        // AF is irregular beat timing without P waves: those are what the trees should have weighed most.
        string[] hallmarks = ["the intervals between beats", "the shape of the beats and P waves"];
        Assert.Equal(hallmarks.Order(StringComparer.Ordinal), verdict.Measures.Take(3).Select(m => m.Aspect).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains($"Among the measures, {verdict.Measures[0].Aspect} ({verdict.Measures[0].Name}", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("spoke most for it", verdict.Summary, StringComparison.Ordinal);
        Assert.Empty(EcgClassifier.Classify(EcgFile.Read(AfRecording), registry.Load(Ensemble)).Measures);
    }

    [Fact]
    public void A_companion_that_reads_other_features_is_refused_when_the_model_loads()
    {
        var models = TestData.CopyOfShippedModels();
        var card = ReadCard(models, Ensemble);
        var names = card["companion"]!["features"]!["names"]!.AsArray();
        (names[0], names[1]) = (names[1]!.DeepClone(), names[0]!.DeepClone());
        File.WriteAllText(Path.Combine(models, Ensemble, $"{Ensemble}.json"), card.ToJsonString());
        using var registry = new ModelRegistry(models);

        var error = Assert.Throws<InvalidDataException>(() => registry.Load(Ensemble));

        Assert.Contains("rhythm features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_companion_beside_a_twelve_lead_model_is_refused()
    {
        var models = TestData.CopyOfShippedModels();
        var card = ReadCard(models, "superclass-cnn");
        card["companion"] = ReadCard(models, Ensemble)["companion"]!.DeepClone();
        File.WriteAllText(Path.Combine(models, "superclass-cnn", "superclass-cnn.json"), card.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => new ModelRegistry(models));

        Assert.Contains("single-lead", error.Message, StringComparison.Ordinal);
    }

    private static double[] Values(ModelVerdict verdict) => [.. verdict.Probabilities.Select(p => p.Probability)];

    /// <summary>The companion's calibrated probabilities computed here from its ONNX file, its temperature and the lead's rhythm features.</summary>
    private static double[] TreeProbabilities(LoadedModel model, Core.EcgRecord record)
    {
        var companion = model.Card.Companion!;
        var row = companion.Features.Prepare(RhythmFeatures.Names, RhythmFeatures.Compute(record));
        var logits = model.Companion!.Run(row, 1, row.Length).Logits;
        return Probabilities.Softmax([.. logits.Select(l => (double)l)], companion.Temperature);
    }

    private static JsonObject ReadCard(string models, string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(models, name, $"{name}.json")))!.AsObject();

    private static void AddModel(string models, string name, JsonObject card, string onnx)
    {
        var folder = Directory.CreateDirectory(Path.Combine(models, name)).FullName;
        var file = card["weights"]!["file"]!.GetValue<string>();
        File.Copy(onnx, Path.Combine(folder, file));
        File.WriteAllText(Path.Combine(folder, $"{name}.json"), card.ToJsonString());
    }
}
