using System.Globalization;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Reports.Documents;

/// <summary>What <c>ecgscope models</c> prints.</summary>
public sealed record ModelsReport(string Directory, IReadOnlyList<ModelReport> Models) : ITextReport
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static ModelsReport From(ModelRegistry registry) =>
        new(registry.Directory, [.. registry.Cards.Concat(registry.ImageCards).Concat(registry.FeatureCards).Select(ModelReport.From)]);

    /// <inheritdoc />
    public void WriteText(TextWriter writer)
    {
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"{Models.Count} models in {Directory}"));
        foreach (var model in Models)
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(text, $"  {model.Name}: {model.Title}"));
            writer.WriteLine(string.Create(text, $"    classes       {string.Join(", ", model.Classes.Select(c => c.Name))} ({model.Task})"));
            writer.WriteLine(model switch
            {
                { Input: { } input } => string.Create(text,
                    $"    input         {string.Join(" ", input.Leads)} at {input.SampleRateHz:0.#} Hz, {input.WindowSeconds:0.#} s windows, {input.HighPassHz:0.##}-{input.LowPassHz:0.#} Hz, {input.Normalization}"),
                { Image: { } image } => string.Create(text,
                    $"    input         printout image: the grid area at {image.Width} x {image.Height} px, {image.Pixels}{(image.Backbone is { } backbone ? $", through {backbone.Package} {backbone.Version}" : "")}"),
                { Features: { } features } => string.Create(text, $"    input         {features.Names.Length} named features of a digitized printout"),
                _ => "    input         (none declared)",
            });
            foreach (var (name, value) in model.Metrics)
            {
                writer.WriteLine(string.Create(text, $"    {name,-13} {value:0.000}"));
            }

            writer.WriteLine(string.Create(text, $"    use           {model.IntendedUse}"));
            if (model.Card is not null)
            {
                writer.WriteLine(string.Create(text, $"    card          {model.Card}"));
            }
        }
    }
}

/// <summary>One model's card as the CLI and the REST API print it: a signal model has an input, an image model (a printout classifier) an image, a feature model its features.</summary>
public sealed record ModelReport(
    string Name,
    string Title,
    ModelTask Task,
    IReadOnlyList<ModelClass> Classes,
    InputSpec? Input,
    ImageInputSpec? Image,
    FeatureInputSpec? Features,
    double Temperature,
    double MinimumProbability,
    IReadOnlyDictionary<string, double> Metrics,
    string IntendedUse,
    string? Card)
{
    /// <summary>The report of the library's result, field by field.</summary>
    public static ModelReport From(ModelCard card) => new(
        card.Name,
        card.Title,
        card.Task,
        card.Classes,
        card.Input,
        card.Image,
        card.Features,
        card.Calibration.Temperature,
        card.Decision.MinimumProbability,
        card.Metrics,
        card.IntendedUse,
        card.Document);
}
