using EcgScope.Inference;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Export;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;
using EcgScope.ML.Printouts;
using EcgScope.ML.Training;
using EcgScope.Testing;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>
/// The printout models end to end on a few real printouts: a tiny CNN trains, checkpoints and exports to ONNX with the
/// same probabilities; the logistic head on backbone-sized features does too.
/// </summary>
[Collection(nameof(SeededTorch))]
public sealed class PrintoutModelsTests(ITestOutputHelper output)
{
    private static readonly PrintoutCnnShape TinyShape = PrintoutCnnModel.Shape with { StageWidths = [4, 8, 8, 8, 8], NarrowChannels = 4 };

    [Fact]
    public void A_tiny_cnn_trains_on_real_printouts_and_its_onnx_export_gives_the_same_probabilities()
    {
        var data = TestData.Require("cardiac-patients");
        // Six printouts of each class: 16 to train on, 8 to validate on.
        var records = CardiacPrintouts.Distinct(data).GroupBy(r => r.Label).SelectMany(g => g.Take(6)).ToList();
        using var images = PrintoutImages.Load(records, PrintoutCnnModel.Input, new PrintoutAugmentation(), TestContext.Current.CancellationToken);
        int[] training = [.. Enumerable.Range(0, records.Count).Where(i => i % 3 != 0)];
        int[] validation = [.. Enumerable.Range(0, records.Count).Where(i => i % 3 == 0)];
        var trainer = new NetworkTrainer(new TrainingOptions { Epochs = 2, BatchSize = 8, Seed = 4, Threads = 1, WarmupSteps = 2 }, () => new PrintoutCnn(TinyShape));
        using var objective = new SingleLabelObjective(records, 4, training, PrintoutCnnModel.EpochScore);
        var directory = TestData.TempFolder();

        using var network = trainer.Train(images, training, validation, objective, directory, fold: 1, cancellationToken: TestContext.Current.CancellationToken);

        var state = FoldCheckpoint.Read(directory);
        Assert.Equal(2, state.EpochsDone);
        Assert.All(state.History, epoch => Assert.True(double.IsFinite(epoch.TrainingLoss) && epoch.TrainingLoss > 0));
        using var model = OnnxModel.Load(PrintoutCnnOnnxExporter.Export((PrintoutCnn)network), "printout-cnn");
        var spec = PrintoutCnnModel.Input;
        var input = validation.SelectMany(i => Pixels(records[i].Path, spec)).ToArray();
        var onnx = model.Run(input, validation.Length, 1, spec.Height, spec.Width);
        output.WriteLine(OnnxParity.AssertAgree([.. images.Logits(network, validation, 8).SelectMany(row => row)], onnx.Logits, onnx.Classes));
    }

    [Fact]
    public void The_onnx_export_of_a_seeded_cnn_with_moved_batch_norm_statistics_matches_torchsharp()
    {
        manual_seed(20172);
        using var network = new PrintoutCnn(TinyShape);
        using (no_grad())
        {
            foreach (var norm in network.modules().OfType<BatchNorm2d>())
            {
                norm.weight!.uniform_(0.5, 1.5);
                norm.bias!.uniform_(-0.5, 0.5);
            }

            network.Head.weight!.normal_(0, 1);
        }

        network.train();
        for (var pass = 0; pass < 3; pass++)
        {
            using var scope = NewDisposeScope();
            network.forward(rand(4, 1, TinyShape.Height, TinyShape.Width));
        }

        using var model = OnnxModel.Load(PrintoutCnnOnnxExporter.Export(network), "printout-cnn");
        var input = OnnxParity.RandomSamples(3 * TinyShape.Height * TinyShape.Width, 5);
        output.WriteLine(OnnxParity.AssertSameOutputs(network, model, input, [3, 1, TinyShape.Height, TinyShape.Width]));
    }

    [Fact]
    public void The_logistic_head_learns_separable_features_and_exports_with_the_same_probabilities()
    {
        var random = new Random(8);
        var records = Enumerable.Range(0, 80).Select(i => new LabelledRecord($"r{i}", "", i % 4)).ToList();
        // Each class shifts its own feature; the rest is noise on another scale, which the standardisation must absorb.
        float[][] features = [.. records.Select(r => Enumerable.Range(0, 32).Select(j => (float)((j == r.Label ? 3 : 0) + (random.NextDouble() * (j + 1)))).ToArray())];
        int[] all = [.. Enumerable.Range(0, 80)];
        using var head = HeadTraining.Fit(records, features, all, 1e-2, 3);

        var predicted = HeadTraining.Logits(head, features, all).Select(row => Array.IndexOf(row, row.Max())).ToArray();
        Assert.True(PrintoutEvaluation.MacroF1Of([.. records.Select(r => r.Label)], predicted, 4) > 0.9);
        using var model = OnnxModel.Load(LogisticHeadOnnxExporter.Export(head), "head");
        output.WriteLine(OnnxParity.AssertSameOutputs(head, model, [.. features.Take(10).SelectMany(f => f)], [10, 32]));
    }

    private static float[] Pixels(string path, ImageInputSpec spec)
    {
        using var image = Imaging.Classification.PrintoutPixels.Read(path);
        return Imaging.Classification.PrintoutPixels.Input(image, spec);
    }
}
