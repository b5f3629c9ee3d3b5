using EcgScope.Inference.Verdicts;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Trees;

namespace EcgScope.ML.Tests;

public sealed class TreeClassifierTests
{
    private static readonly TreeOptions Small = new(0.1, 8, 50, 5, BalanceClasses: false);

    [Fact]
    public void Learns_separable_classes_with_missing_features_and_gives_probabilities()
    {
        var (trainFeatures, trainLabels) = Blobs(600, seed: 1);
        var (testFeatures, testLabels) = Blobs(300, seed: 2);

        var model = TreeClassifier.Train(trainFeatures, trainLabels, 3, Small, seed: 7);
        var probabilities = model.PredictProbabilities(testFeatures);

        Assert.All(probabilities, row => Assert.Equal(1, row.Sum(), 6));
        var predictions = probabilities.Select(row => Probabilities.ArgMax(row)).ToArray();
        var matrix = ConfusionMatrix.From(testLabels.ToArray(), predictions, 3);
        Assert.True(matrix.Accuracy > 0.9, matrix.ToText(["a", "b", "c"]));
    }

    [Fact]
    public void A_seed_gives_the_same_model()
    {
        var (features, labels) = Blobs(300, seed: 3);

        var first = TreeClassifier.Train(features, labels, 3, Small, seed: 5).PredictProbabilities(features);
        var second = TreeClassifier.Train(features, labels, 3, Small, seed: 5).PredictProbabilities(features);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Balanced_weights_raise_the_rare_classs_probability()
    {
        // Class 2 is rare and overlaps class 0; weighting it up must raise its mean predicted probability.
        var (features, labels) = Blobs(900, seed: 4, rareClass: 2);

        var plain = TreeClassifier.Train(features, labels, 3, Small, seed: 1).PredictProbabilities(features);
        var balanced = TreeClassifier.Train(features, labels, 3, Small with { BalanceClasses = true }, seed: 1).PredictProbabilities(features);

        Assert.True(balanced.Average(row => row[2]) > plain.Average(row => row[2]) + 0.05, $"balanced {balanced.Average(row => row[2])}, plain {plain.Average(row => row[2])}");
    }

    /// <summary>Three noisy clusters in four features; every tenth record misses its second feature.</summary>
    private static (List<double[]> Features, List<int> Labels) Blobs(int count, int seed, int rareClass = -1)
    {
        var random = new Random(seed);
        var features = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 3;
            if (label == rareClass && random.NextDouble() > 0.15)
            {
                continue;
            }

            var centre = label == rareClass ? 1.0 : 3.0 * label;
            features.Add([centre + Gaussians.Next(random), i % 10 == 0 ? double.NaN : centre + Gaussians.Next(random), Gaussians.Next(random), label]);
            features[^1][3] = Gaussians.Next(random); // an uninformative column
            labels.Add(label);
        }

        return (features, labels);
    }
}
