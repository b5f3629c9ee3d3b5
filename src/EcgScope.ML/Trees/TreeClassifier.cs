using EcgScope.ML.Export;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace EcgScope.ML.Trees;

/// <summary>
/// A multiclass gradient-boosted tree model (ML.NET's LightGBM) over a fixed-length feature vector. Missing features
/// (NaN) are LightGBM's missing values: each split learns which side they go. Training is deterministic for a seed.
/// </summary>
public sealed class TreeClassifier
{
    private readonly MLContext _context;
    private readonly TransformerChain<MulticlassPredictionTransformer<OneVersusAllModelParameters>> _model;
    private readonly int _featureCount;

    private TreeClassifier(
        MLContext context, TransformerChain<MulticlassPredictionTransformer<OneVersusAllModelParameters>> model, int featureCount, int classCount)
    {
        _context = context;
        _model = model;
        _featureCount = featureCount;
        ClassCount = classCount;
    }

    /// <summary>Number of classes predicted.</summary>
    public int ClassCount { get; }

    /// <summary>
    /// Trains on <paramref name="features"/> (one row per record, all equally long) and <paramref name="labels"/>
    /// (0 … <paramref name="classCount"/>−1) with <paramref name="threads"/> threads.
    /// </summary>
    public static TreeClassifier Train(
        IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int classCount, TreeOptions options, int seed, int threads = 2)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException($"{features.Count} feature rows but {labels.Count} labels; need equally many, at least one.", nameof(labels));
        }

        var featureCount = features[0].Length;
        var weights = options.BalanceClasses ? InverseFrequencyWeights(labels, classCount) : null;
        var rows = new List<Row>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            rows.Add(new Row
            {
                Features = ToSingle(features[i], featureCount),
                Label = (uint)labels[i],
                Weight = weights?[labels[i]] ?? 1,
            });
        }

        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(rows, Schema(featureCount));
        // Every class is a key in index order, even one a training set lacks, so score column c is class c.
        var classes = context.Data.LoadFromEnumerable(Enumerable.Range(0, classCount).Select(c => new ClassValue { Label = (uint)c }));
        var toKey = context.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyData: classes);
        var trainer = context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LearningRate = options.LearningRate,
            NumberOfLeaves = options.Leaves,
            NumberOfIterations = options.Iterations,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            ExampleWeightColumnName = nameof(Row.Weight),
            UseSoftmax = true,
            HandleMissingValue = true,
            Seed = seed,
            Deterministic = true,
            NumberOfThreads = threads,
            Silent = true,
            Verbose = false,
        });
        return new TreeClassifier(context, toKey.Append(trainer).Fit(data), featureCount, classCount);
    }

    /// <summary>
    /// What stands for a feature that could not be measured (NaN) in the rows of trees that are exported: ONNX trees
    /// take finite inputs only, and LightGBM splits it off as readily.
    /// </summary>
    public const double MissingValue = -1000;

    /// <summary>A feature row with every unmeasured (NaN) value replaced by <see cref="MissingValue"/>.</summary>
    public static double[] Imputed(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. features.Select(value => double.IsFinite(value) ? value : MissingValue)];
    }

    /// <summary>Class probabilities (each row sums to 1) for every row of <paramref name="features"/>.</summary>
    public double[][] PredictProbabilities(IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = features.Select(row => new Row { Features = ToSingle(row, _featureCount), Weight = 1 }).ToList();
        var scored = _model.Transform(_context.Data.LoadFromEnumerable(rows, Schema(_featureCount)));
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        return [.. scores.Select(Normalised)];
    }

    /// <summary>The model as ONNX (<see cref="LightGbmOnnxExporter"/>): input "input" [batch, features], output "logits".</summary>
    public byte[] ExportOnnx() => LightGbmOnnxExporter.Export(_model.LastTransformer);

    /// <summary>
    /// Each feature's importance by gain: the loss reduction of every split on it, summed over all trees of all classes
    /// (LightGBM's importance_type="gain").
    /// </summary>
    public double[] FeatureGains()
    {
        var gains = new double[_featureCount];
        foreach (var ensemble in LightGbmOnnxExporter.ClassEnsembles(_model.LastTransformer.Model))
        {
            foreach (var tree in ensemble.Trees)
            {
                for (var node = 0; node < tree.NumberOfNodes; node++)
                {
                    gains[tree.NumericalSplitFeatureIndexes[node]] += tree.SplitGains[node];
                }
            }
        }

        return gains;
    }

    private static double[] Normalised(float[] scores)
    {
        var sum = scores.Sum(score => (double)score);
        return [.. scores.Select(score => score / sum)];
    }

    /// <summary>Weights that make every class's total weight equal to the mean class size.</summary>
    private static float[] InverseFrequencyWeights(IReadOnlyList<int> labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var present = counts.Count(count => count > 0);
        return [.. counts.Select(count => count == 0 ? 0f : (float)labels.Count / (present * count))];
    }

    private static float[] ToSingle(double[] row, int featureCount)
    {
        if (row.Length != featureCount)
        {
            throw new ArgumentException($"A feature row has {row.Length} values; the model takes {featureCount}.", nameof(row));
        }

        return [.. row.Select(value => (float)value)];
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>One record as ML.NET reads it.</summary>
    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float Weight { get; set; }
    }

    /// <summary>A class index, for the key mapping.</summary>
    private sealed class ClassValue
    {
        public uint Label { get; set; }
    }
}
