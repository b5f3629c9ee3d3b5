using System.Globalization;
using System.Reflection;
using Google.Protobuf;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using static EcgScope.ML.Export.OnnxGraphBuilder;

namespace EcgScope.ML.Export;

/// <summary>
/// Writes an ML.NET multiclass LightGBM model (softmax objective) as one ONNX ai.onnx.ml TreeEnsembleRegressor with a
/// target per class: input "input" [batch, features], output "logits" [batch, classes], the raw scores whose softmax is
/// ML.NET's Score, so the registry serves trees and networks alike. Features must be finite: ML.NET sends a missing
/// (NaN) value to a per-node default that its public API does not expose, so NaN is not exported; impute before.
/// </summary>
public static class LightGbmOnnxExporter
{
    /// <summary>ai.onnx.ml 3 has TreeEnsembleRegressor with float attributes and goes with IR 8 and opset 17.</summary>
    private const long MlOpset = 3;

    /// <summary>The model as ONNX protobuf bytes.</summary>
    public static byte[] Export(MulticlassPredictionTransformer<OneVersusAllModelParameters> model) => Build(model).ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public static void Export(MulticlassPredictionTransformer<OneVersusAllModelParameters> model, string path) =>
        File.WriteAllBytes(path, Export(model));

    private static Onnx.ModelProto Build(MulticlassPredictionTransformer<OneVersusAllModelParameters> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var features = model.FeatureColumnType is VectorDataViewType { Size: > 0 } vector
            ? vector.Size
            : throw new ArgumentException("The model's features must be a vector of known size.", nameof(model));
        var classes = ClassEnsembles(model.Model);

        // ML.NET's multiclass LightGBM is one-versus-all: class c's ensemble holds LightGBM's trees c, c + classes, ...
        var nodes = new TreeNodes();
        for (var c = 0; c < classes.Count; c++)
        {
            var ensemble = classes[c];
            for (var t = 0; t < ensemble.Trees.Count; t++)
            {
                nodes.Add(ensemble.Trees[t], ensemble.TreeWeights[t], c);
            }
        }

        var graph = new OnnxGraphBuilder("LightGbm").Import("ai.onnx.ml", MlOpset);
        graph.AddInput("input", "batch", features);
        graph.AddNode("ai.onnx.ml", "TreeEnsembleRegressor", ["input"], ["logits"],
            [
                .. nodes.Attributes(),
                Int("n_targets", classes.Count),
                String("aggregate_function", "SUM"),
                String("post_transform", "NONE"),
                Floats("base_values", classes.Select(e => (float)e.Bias)),
            ]);
        graph.AddOutput("logits", "batch", classes.Count);
        return graph.ToModel(classes.Count, ("ecgscope.features", features.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The tree ensemble of each class of a softmax model, in class order.</summary>
    internal static List<RegressionTreeEnsemble> ClassEnsembles(OneVersusAllModelParameters model) =>
        [.. SoftmaxClassModels(model).Select(ClassEnsemble)];

    /// <summary>
    /// The per-class models of a softmax model. ML.NET 5 keeps a one-versus-all model's class models
    /// (SubModelParameters, which its docs list as public) and its output formula internal, and offers no other way to
    /// a multiclass model's trees, so both are read by reflection; the tests fail loudly if a later ML.NET renames them.
    /// </summary>
    private static IEnumerable<object> SoftmaxClassModels(OneVersusAllModelParameters model)
    {
        const BindingFlags Members = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var formula = typeof(OneVersusAllModelParameters).GetField("_impl", Members)?.GetValue(model)?.GetType().Name;
        if (formula != "ImplSoftmax")
        {
            // Without softmax (LightGBM's multiclassova, ML.NET's default below 50,000 rows) the scores are normalised
            // Platt-calibrated sigmoids, not a softmax of the logits this model gives.
            throw new NotSupportedException(
                $"Only softmax multiclass models are exported (train with UseSoftmax = true); this one combines its classes by {formula ?? "an unknown formula"}.");
        }

        return typeof(OneVersusAllModelParameters).GetProperty("SubModelParameters", Members)?.GetValue(model) is System.Collections.IEnumerable classModels
            ? classModels.Cast<object>()
            : throw new NotSupportedException("This ML.NET version hides a one-versus-all model's class models where EcgScope cannot reach them.");
    }

    /// <summary>A softmax model's class models are Platt-calibrated binary models; the raw trees sit inside.</summary>
    private static RegressionTreeEnsemble ClassEnsemble(object classModel) => classModel switch
    {
        CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> calibrated => calibrated.SubModel.TrainedTreeEnsemble,
        _ => throw new ArgumentException($"Not a LightGBM class model: {classModel.GetType().Name}."),
    };

    /// <summary>The TreeEnsembleRegressor's node and leaf lists, filled tree by tree.</summary>
    private sealed class TreeNodes
    {
        private readonly List<long> treeIds = [];
        private readonly List<long> nodeIds = [];
        private readonly List<long> featureIds = [];
        private readonly List<float> thresholds = [];
        private readonly List<string> modes = [];
        private readonly List<long> trueIds = [];
        private readonly List<long> falseIds = [];
        private readonly List<long> leafTreeIds = [];
        private readonly List<long> leafNodeIds = [];
        private readonly List<long> leafTargets = [];
        private readonly List<float> leafWeights = [];
        private int trees;

        /// <summary>
        /// Adds one tree. ML.NET numbers split nodes 0, 1, ... and leaves ~0, ~1, ... (negative); ONNX wants one id
        /// space per tree, so leaf k becomes node (splits + k). ML.NET goes left when value &lt;= threshold, as
        /// BRANCH_LEQ does, on the same float threshold.
        /// </summary>
        public void Add(RegressionTree tree, double weight, int target)
        {
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new NotSupportedException("Categorical splits are not exported; give LightGBM numeric features only.");
            }

            var splits = tree.NumberOfNodes;
            long Id(int child) => child >= 0 ? child : splits + ~child;
            for (var n = 0; n < splits; n++)
            {
                AddNode(n, tree.NumericalSplitFeatureIndexes[n], tree.NumericalSplitThresholds[n], "BRANCH_LEQ", Id(tree.LeftChild[n]), Id(tree.RightChild[n]));
            }

            for (var leaf = 0; leaf < tree.NumberOfLeaves; leaf++)
            {
                AddNode(splits + leaf, 0, 0, "LEAF", 0, 0);
                leafTreeIds.Add(trees);
                leafNodeIds.Add(splits + leaf);
                leafTargets.Add(target);
                leafWeights.Add((float)(weight * tree.LeafValues[leaf]));
            }

            trees++;
        }

        public IEnumerable<Onnx.AttributeProto> Attributes() =>
        [
            Ints("nodes_treeids", [.. treeIds]),
            Ints("nodes_nodeids", [.. nodeIds]),
            Ints("nodes_featureids", [.. featureIds]),
            Floats("nodes_values", thresholds),
            Strings("nodes_modes", modes),
            Ints("nodes_truenodeids", [.. trueIds]),
            Ints("nodes_falsenodeids", [.. falseIds]),
            Ints("target_treeids", [.. leafTreeIds]),
            Ints("target_nodeids", [.. leafNodeIds]),
            Ints("target_ids", [.. leafTargets]),
            Floats("target_weights", leafWeights),
        ];

        private void AddNode(long id, long feature, float threshold, string mode, long whenTrue, long whenFalse)
        {
            treeIds.Add(trees);
            nodeIds.Add(id);
            featureIds.Add(feature);
            thresholds.Add(threshold);
            modes.Add(mode);
            trueIds.Add(whenTrue);
            falseIds.Add(whenFalse);
        }
    }
}
