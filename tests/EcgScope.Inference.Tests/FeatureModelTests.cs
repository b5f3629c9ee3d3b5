using System.Text.Json.Nodes;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;
using EcgScope.Testing;

namespace EcgScope.Inference.Tests;

/// <summary>Feature models (a card with "features" instead of "input"): how the registry offers them and what they read.</summary>
public sealed class FeatureModelTests
{
    private static readonly FeatureInputSpec Spec = new(["confidence", "a", "b"], -1000, "confidence", 0.5);

    [Fact]
    public void The_registry_offers_feature_models_apart_from_signal_models()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));

        var card = Assert.Single(registry.FeatureCards);
        Assert.Equal("printout-features", card.Name);
        Assert.DoesNotContain(registry.Cards, c => c.Features is not null);
        Assert.Same(registry.LoadFeatures(card.Name), registry.LoadFeatures("PRINTOUT-FEATURES"));
        Assert.True(File.Exists(TestData.RepositoryFile(card.Document!)), $"{card.Document} is missing");
        Assert.Contains("printout-features", Assert.Throws<KeyNotFoundException>(() => registry.Load("printout-features")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_with_neither_input_nor_features_is_refused()
    {
        var folder = Path.Combine(TestData.TempFolder(), "models", "printout-features");
        Directory.CreateDirectory(folder);
        var card = JsonNode.Parse(File.ReadAllText(TestData.RepositoryFile("models", "printout-features", "printout-features.json")))!.AsObject();
        card.Remove("features");
        File.WriteAllText(Path.Combine(folder, "printout-features.json"), card.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => new ModelRegistry(Path.GetDirectoryName(folder)!));

        Assert.Contains("neither", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmeasured_features_become_the_missing_value_and_other_names_are_refused()
    {
        Assert.Equal([0.9f, -1000f, 2f], Spec.Prepare(["confidence", "a", "b"], [0.9, double.NaN, 2]));

        var error = Assert.Throws<ArgumentException>(() => Spec.Prepare(["confidence", "b", "a"], [0.9, 1, 2]));
        Assert.Contains("'b' for 'a'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Spec.Prepare(["confidence", "a"], [0.9, 1]));
    }

    [Theory]
    [InlineData(0.9, false)]
    [InlineData(0.5, false)]
    [InlineData(0.49, true)]
    [InlineData(double.NaN, true)]
    public void Low_or_unknown_confidence_is_too_uncertain(double confidence, bool tooUncertain) =>
        Assert.Equal(tooUncertain, Spec.TooUncertain(Spec.Names, [confidence, 1, 2]));
}
