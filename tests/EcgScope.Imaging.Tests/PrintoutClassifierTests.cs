using System.Text.Json.Nodes;
using EcgScope.Core;
using EcgScope.Imaging.Classification;
using EcgScope.Inference.Models;
using EcgScope.Testing;
using OpenCvSharp;

namespace EcgScope.Imaging.Tests;

/// <summary>The shipped printout classifiers, served from models/ through ONNX Runtime, on genuine printouts.</summary>
public sealed class PrintoutClassifierTests
{
    private static readonly string[] ImageModels = ["printout-cnn", "printout-resnet18"];

    [Theory]
    [InlineData("printout-cnn")]
    [InlineData("printout-resnet18")]
    public void A_genuine_printout_gets_four_probabilities_that_sum_to_one(string name)
    {
        var printout = TestData.File("cardiac-patients", "normal", "Normal(1).jpg");
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));

        var verdict = PrintoutClassifier.Classify(printout, registry.LoadImage(name));

        Assert.True(verdict.GridFound);
        Assert.Equal(["normal", "abnormal-heartbeat", "myocardial-infarction", "history-of-mi"], verdict.Probabilities.Select(p => p.ClassName));
        Assert.All(verdict.Probabilities, p => Assert.InRange(p.Probability, 0, 1));
        Assert.Equal(1, verdict.Probabilities.Sum(p => p.Probability), 6);
        Assert.Equal(verdict.IsConclusive, verdict.ClassName is not null);
    }

    [Fact]
    public void The_registry_offers_image_models_apart_from_the_signal_models()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));

        Assert.Equal(ImageModels, registry.ImageCards.Select(card => card.Name));
        Assert.DoesNotContain(registry.Cards, card => card.Image is not null);
        Assert.All(registry.ImageCards, card => Assert.Contains("Not a diagnosis", card.IntendedUse, StringComparison.Ordinal));
    }

    [Fact]
    public void An_image_without_a_paper_grid_is_inconclusive()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        using var blank = new Mat(629, 885, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(blank, "not an ECG", new Point(300, 300), HersheyFonts.HersheySimplex, 2, Scalar.Black, 3);

        var verdict = PrintoutClassifier.Classify(blank, registry.LoadImage("printout-cnn"));

        Assert.False(verdict.GridFound);
        Assert.False(verdict.IsConclusive);
        Assert.Null(verdict.ClassName);
        Assert.Contains("grid", verdict.InconclusiveReason, StringComparison.Ordinal);
        Assert.Equal(1, verdict.Probabilities.Sum(p => p.Probability), 6);
    }

    [Fact]
    public void A_verdict_below_the_required_probability_is_inconclusive()
    {
        var selection = new ModelSelection { MinimumProbability = ModelSelection.All.MinimumProbability.Add("printout-cnn", 1.0) };
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"), selection);

        var verdict = PrintoutClassifier.Classify(TestData.File("cardiac-patients", "history-of-mi", "PMI(1).jpg"), registry.LoadImage("printout-cnn"));

        Assert.True(verdict.GridFound);
        Assert.False(verdict.IsConclusive);
        Assert.Contains("probability", verdict.InconclusiveReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backbone_file_that_is_not_the_one_the_card_names_is_refused()
    {
        var models = TestData.TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(models, "printout-resnet18")).FullName;
        foreach (var file in Directory.GetFiles(TestData.RepositoryFile("models", "printout-resnet18")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var cardPath = Path.Combine(folder, "printout-resnet18.json");
        var card = JsonNode.Parse(File.ReadAllText(cardPath))!;
        card["image"]!["backbone"]!["stages"]![1]!["sha256"] = new string('0', 64);
        File.WriteAllText(cardPath, card.ToJsonString());
        using var registry = new ModelRegistry(models);

        var refusal = Assert.Throws<InvalidDataException>(() => registry.LoadImage("printout-resnet18"));
        Assert.Contains("ResNet18.onnx", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grid_of_a_genuine_printout_leaves_out_its_header_and_footer()
    {
        using var image = PrintoutPixels.Read(TestData.File("cardiac-patients", "myocardial-infarction", "MI(1).jpg"));

        Assert.True(PrintoutPixels.TryFindGrid(image, out var grid));
        // The header text ends about 105 px down and the footer starts about 600 px down, at 885 x 629.
        Assert.InRange(grid.Top, 100, 125);
        Assert.InRange(grid.Bottom, 590, 615);
        Assert.InRange(grid.Width, 800, 870);
    }

    [Fact]
    public void Mutated_printout_files_decode_to_input_or_fail_with_a_format_error()
    {
        var original = File.ReadAllBytes(TestData.File("cardiac-patients", "normal", "Normal(2).jpg"));
        var spec = new ImageInputSpec { Width = 256, Height = 160, Pixels = ImagePixels.InkGrey };
        var random = new Random(12);
        for (var trial = 0; trial < 60; trial++)
        {
            // Flipped bytes anywhere, or the file cut short: what a broken upload looks like.
            var bytes = trial % 3 == 0 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
            for (var flip = 0; flip < 1 + random.Next(40) && trial % 3 != 0; flip++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            try
            {
                using var image = PrintoutPixels.Decode(bytes, $"trial {trial}");
                Assert.Equal(spec.Length, PrintoutPixels.Input(image, spec).Length);
            }
            catch (EcgFormatException error)
            {
                Assert.Contains($"trial {trial}", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Bytes_that_are_no_image_are_a_format_error()
    {
        var error = Assert.Throws<EcgFormatException>(() => PrintoutPixels.Decode([0x47, 0x49, 0x46, 0x00, 0x01], "upload.jpg"));
        Assert.Contains("upload.jpg", error.Message, StringComparison.Ordinal);
        Assert.Throws<EcgFormatException>(() => PrintoutPixels.Decode([], "empty.jpg"));
    }
}
