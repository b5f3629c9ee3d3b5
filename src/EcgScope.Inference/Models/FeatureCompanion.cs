using System.Collections.Immutable;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Models;

/// <summary>
/// A feature model that votes beside a single-lead network: gradient-boosted trees on the rhythm features
/// (<c>EcgScope.Signal.Features.RhythmFeatures</c>) of the lead the network reads, at the rate it was recorded. The
/// verdict's probabilities are the mean of the network's calibrated probabilities and the trees', the trees weighing
/// <see cref="Share"/>; the trees' Shapley values say which measures drove the verdict.
/// </summary>
public sealed record FeatureCompanion
{
    /// <summary>The trees' ONNX file beside the card (input "input" [batch, features], output "logits") and its SHA-256.</summary>
    public required ModelWeights Weights { get; init; }

    /// <summary>The features the trees read, in order; they must be the rhythm features EcgScope computes.</summary>
    public required FeatureInputSpec Features { get; init; }

    /// <summary>The trees' weight in the mean of probabilities (0..1; the network weighs 1 − share).</summary>
    public required double Share { get; init; }

    /// <summary>
    /// The value each feature takes when it is "absent" for the Shapley values: the median over the records the
    /// trees were trained on, in <see cref="FeatureInputSpec.Names"/> order.
    /// </summary>
    public required ImmutableArray<double> Baseline { get; init; }
}
