using EcgScope.Inference.Models;
using EcgScope.Testing;

namespace EcgScope.Inference.Tests;

/// <summary>The registry over a copy of the shipped models, and what it says when a model's files are wrong.</summary>
public sealed class ModelRegistryTests
{
    [Fact]
    public void Every_shipped_card_loads_with_weights_matching_its_sha256()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));

        Assert.Contains(registry.Cards, card => card.Name == "superclass-cnn");
        foreach (var card in registry.Cards)
        {
            var model = registry.Load(card.Name);
            Assert.Same(model, registry.Load(card.Name.ToUpperInvariant()));
            Assert.True(File.Exists(TestData.RepositoryFile(card.Document!)), $"{card.Name}: card document {card.Document} is missing");
        }
    }

    [Fact]
    public void Weights_that_are_not_the_cards_are_refused_with_both_hashes()
    {
        var models = TestData.CopyOfShippedModels();
        var onnx = Path.Combine(models, "superclass-cnn", "superclass-cnn.onnx");
        var bytes = File.ReadAllBytes(onnx);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(onnx, bytes);
        using var registry = new ModelRegistry(models);

        var error = Assert.Throws<InvalidDataException>(() => registry.Load("superclass-cnn"));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Contains(registry.Card("superclass-cnn").Weights.Sha256, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_weights_and_unknown_models_are_named()
    {
        var models = TestData.CopyOfShippedModels();
        File.Delete(Path.Combine(models, "superclass-cnn", "superclass-cnn.onnx"));
        using var registry = new ModelRegistry(models);

        Assert.Contains("superclass-cnn.onnx", Assert.Throws<FileNotFoundException>(() => registry.Load("superclass-cnn")).Message, StringComparison.Ordinal);
        Assert.Contains("superclass-cnn", Assert.Throws<KeyNotFoundException>(() => registry.Load("no-such-model")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_reads_another_models_network_loads_that_file_and_says_so_when_the_model_is_gone()
    {
        var models = TestData.CopyOfShippedModels();
        using (var registry = new ModelRegistry(models))
        {
            var ensemble = registry.Card("rhythm-ensemble");
            Assert.Equal("rhythm-cnn", ensemble.Weights.Model);
            Assert.Equal(registry.Card("rhythm-cnn").Weights, ensemble.Weights with { Model = null });
            Assert.False(File.Exists(Path.Combine(models, "rhythm-ensemble", ensemble.Weights.File)), "the ensemble should not ship a copy of the network");
            Assert.NotNull(registry.Load("rhythm-ensemble"));
        }

        Directory.Delete(Path.Combine(models, "rhythm-cnn"), recursive: true);
        using var withoutNetwork = new ModelRegistry(models);

        var error = Assert.Throws<InvalidDataException>(() => withoutNetwork.Load("rhythm-ensemble"));

        Assert.Contains("reads the weights of model 'rhythm-cnn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_that_is_not_json_is_named()
    {
        var models = TestData.CopyOfShippedModels();
        File.WriteAllText(Path.Combine(models, "superclass-cnn", "superclass-cnn.json"), "{ \"name\": ");

        var error = Assert.Throws<InvalidDataException>(() => new ModelRegistry(models));

        Assert.Contains("superclass-cnn.json", error.Message, StringComparison.Ordinal);
    }
}
