using EcgScope.Inference;
using EcgScope.ML.Export;
using EcgScope.Testing;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace EcgScope.ML.Tests;

public sealed class LightGbmOnnxExportTests(ITestOutputHelper output)
{
    private const int Features = 5;
    private const int Classes = 3;

    [Fact]
    public void Onnx_runtime_agrees_with_ml_net_on_held_out_rows_and_on_split_thresholds()
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(20170);
        var model = Train(ml, Rows(random, 900));
        var path = Path.Combine(TestData.TempFolder(), "lightgbm.onnx");
        LightGbmOnnxExporter.Export(model, path);
        using var onnx = OnnxModel.Load(path);

        // Rows on the split thresholds themselves pin "<=" (LightGBM and ML.NET) against "<".
        var onThresholds = SplitThresholds(path)
            .Select(split => Row(random, label: 0, (split.Feature, split.Threshold)))
            .ToList();
        var rows = Rows(random, 200).Concat(onThresholds).ToList();

        var mlScores = ml.Data.CreateEnumerable<Scored>(model.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false)
            .SelectMany(s => s.Score)
            .ToArray();
        var logits = onnx.Run([.. rows.SelectMany(r => r.Features)], rows.Count, Features);

        Assert.Equal(Classes, logits.Classes);
        var difference = OnnxParity.MaxAbsDifference(mlScores, OnnxParity.Softmax(logits.Logits, Classes));
        Assert.True(difference < OnnxParity.ProbabilityTolerance, $"probabilities differ by {difference}");
        Assert.Equal("LightGbm", onnx.Metadata[OnnxGraphBuilder.ArchitectureKey]);
        output.WriteLine($"{rows.Count} rows ({onThresholds.Count} on split thresholds): max |Δp| = {difference:E2}");
    }

    [Fact]
    public void Model_without_softmax_is_refused()
    {
        var ml = new MLContext(seed: 1);
        var model = Train(ml, Rows(new Random(1), 300), useSoftmax: false);

        var error = Assert.Throws<NotSupportedException>(() => LightGbmOnnxExporter.Export(model));

        Assert.Contains("UseSoftmax", error.Message, StringComparison.Ordinal);
    }

    private static MulticlassPredictionTransformer<OneVersusAllModelParameters> Train(MLContext ml, List<FeatureRow> rows, bool useSoftmax = true)
    {
        var trainer = ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = 40,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            UseSoftmax = useSoftmax,
            NumberOfThreads = 1,
            Seed = 1,
        });
        var data = ml.Data.LoadFromEnumerable(rows);
        var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data);
        return trainer.Fit(keys.Transform(data));
    }

    /// <summary>Three classes whose means differ on four of the five features; the fifth is noise.</summary>
    private static List<FeatureRow> Rows(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Row(random, (uint)(i % Classes)))];

    private static FeatureRow Row(Random random, uint label, params (int Feature, float Value)[] fixedValues)
    {
        var features = new float[Features];
        for (var f = 0; f < Features; f++)
        {
            var mean = f < 4 ? (label - 1) * (f + 1) * 0.4 : 0;
            features[f] = (float)(mean + Normal(random));
        }

        foreach (var (feature, value) in fixedValues)
        {
            features[feature] = value;
        }

        return new FeatureRow { Label = label, Features = features };
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>(feature, threshold) of every split in the exported model.</summary>
    private static List<(int Feature, float Threshold)> SplitThresholds(string path)
    {
        var node = Export.Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Node.Single();
        var modes = node.Attribute.Single(a => a.Name == "nodes_modes").Strings.Select(s => s.ToStringUtf8()).ToList();
        var features = node.Attribute.Single(a => a.Name == "nodes_featureids").Ints;
        var values = node.Attribute.Single(a => a.Name == "nodes_values").Floats;
        return [.. Enumerable.Range(0, modes.Count).Where(i => modes[i] != "LEAF").Select(i => ((int)features[i], values[i])).Distinct()];
    }

    private sealed class FeatureRow
    {
        public uint Label { get; init; }

        [VectorType(LightGbmOnnxExportTests.Features)]
        public float[] Features { get; init; } = [];
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }
}
