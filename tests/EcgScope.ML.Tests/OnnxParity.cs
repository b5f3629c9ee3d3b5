using EcgScope.Inference.Verdicts;
using EcgScope.Formats;
using EcgScope.Inference;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;
using EcgScope.Testing;
using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>Runs the same batch through a TorchSharp module and its ONNX export and compares what they give.</summary>
internal static class OnnxParity
{
    /// <summary>The bound on the probabilities' difference between TorchSharp and ONNX Runtime.</summary>
    public const double ProbabilityTolerance = 1e-4;

    /// <summary>The logits' bound: float32 sums in another order, over logits of order 1-10.</summary>
    public const double LogitTolerance = 1e-3;

    /// <summary>
    /// Runs a batch through the module and its exported model, asserts they agree (<see cref="AssertAgree"/>) and
    /// returns a line with the differences.
    /// </summary>
    public static string AssertSameOutputs(nn.Module<Tensor, Tensor> module, OnnxModel model, float[] input, long[] shape, ModelTask task = ModelTask.SingleLabel)
    {
        var onnx = model.Run(input, shape);
        Assert.Equal(shape[0], onnx.Rows);
        return AssertAgree(Torch(module, input, shape), onnx.Logits, onnx.Classes, task);
    }

    /// <summary>The module's output for a batch, in eval mode without gradients.</summary>
    public static float[] Torch(nn.Module<Tensor, Tensor> module, float[] input, long[] shape)
    {
        module.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return module.forward(tensor(input, shape)).data<float>().ToArray();
    }

    /// <summary>
    /// Asserts logits and their probabilities (softmax for a single-label model, each output's sigmoid for a
    /// multi-label one) agree row by row; returns a line with the differences.
    /// </summary>
    public static string AssertAgree(float[] torchLogits, float[] onnxLogits, int classes, ModelTask task = ModelTask.SingleLabel)
    {
        Assert.Equal(torchLogits.Length, onnxLogits.Length);
        var logits = MaxAbsDifference(torchLogits, onnxLogits);
        float[] ProbabilitiesOf(float[] rows) => task == ModelTask.SingleLabel ? Softmax(rows, classes) : [.. rows.Select(z => (float)Probabilities.Sigmoid(z))];
        var probabilities = MaxAbsDifference(ProbabilitiesOf(torchLogits), ProbabilitiesOf(onnxLogits));
        Assert.True(logits < LogitTolerance, $"logits differ by {logits}");
        Assert.True(probabilities < ProbabilityTolerance, $"probabilities differ by {probabilities}");
        return FormattableString.Invariant(
            $"logits in [{torchLogits.Min():F2}, {torchLogits.Max():F2}], max |Δlogit| = {logits:E2}, max |Δp| = {probabilities:E2}");
    }

    public static double MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

    /// <summary>The first CinC 2017 training records (A00001-A00009), prepared for <paramref name="spec"/> as one batch.</summary>
    public static (float[] Samples, long[] Shape) CincWindows(InputSpec spec)
    {
        var folder = TestData.File("cinc2017", "training2017");
        var windows = Directory.GetFiles(folder, "A0000*.hea").Order(StringComparer.Ordinal)
            .Select(path => InputPreparer.Prepare(EcgFile.Read(path), spec))
            .ToList();
        Assert.True(windows.Count >= 9, $"expected A00001-A00009 in {folder}");
        var samples = windows.SelectMany(w => w.Samples).ToArray();
        return (samples, [windows.Sum(w => w.WindowCount), windows[0].LeadCount, windows[0].WindowSamples]);
    }

    /// <summary>Seeded normal samples, so a failure reproduces.</summary>
    public static float[] RandomSamples(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
    }

    /// <summary>Softmax of each row of <paramref name="classes"/> logits, by the one the product serves with.</summary>
    public static float[] Softmax(float[] logits, int classes) =>
        [.. logits.Chunk(classes).SelectMany(row => Probabilities.Softmax([.. row.Select(z => (double)z)]).Select(p => (float)p))];
}
