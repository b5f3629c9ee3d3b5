using System.Collections.Immutable;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Models;

/// <summary>
/// A feature model that votes beside a single-lead network: gradient-boosted trees on the rhythm features
/// (<c>EcgScope.Signal.Features.RhythmFeatures</c>) of the lead the network reads, at the rate it was recorded. The
/// verdict's probabilities are the mean of the network's calibrated probabilities and the trees' calibrated ones, the
/// trees weighing <see cref="Share"/>, calibrated once more (<see cref="MixtureTemperature"/>); the trees' Shapley values
/// say which measures drove the verdict.
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
    /// The trees' temperature: their raw scores are divided by it before the softmax, as the network's logits are by
    /// its own (boosted trees are overconfident on records they did not see; fitted on held-out predictions).
    /// </summary>
    public double Temperature { get; init; } = 1;

    /// <summary>
    /// The mean's own temperature (see <see cref="Verdicts.Probabilities.Temper"/>): the mean of two calibrated models'
    /// probabilities is less confident than it should be where they agree, so it is tempered again, with a
    /// temperature fitted on validation records. It never changes which class is on top.
    /// </summary>
    public double MixtureTemperature { get; init; } = 1;

    /// <summary>
    /// The value each feature takes when it is "absent" for the Shapley values: the median over the records the
    /// trees were trained on, in <see cref="FeatureInputSpec.Names"/> order.
    /// </summary>
    public required ImmutableArray<double> Baseline { get; init; }
}
