using EcgScope.Inference.Verdicts;
using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Packaging;

/// <summary>
/// The rhythm CNN beside the feature model (64 rhythm features + LightGBM, docs/models/rhythm-features-cv.md) on the
/// same folds, and their ensemble (<see cref="RhythmEvaluation.Of"/> with the feature model as companion).
/// </summary>
internal sealed class FeatureModelComparison
{
    /// <param name="folds">The network's cross-validation folds.</param>
    /// <param name="features">The feature model's out-of-fold probabilities.</param>
    /// <param name="network">The network's evaluation alone.</param>
    /// <param name="ensemble">The evaluation of the network with the feature model as its companion.</param>
    /// <param name="uncalibratedEnsemble">The same with the feature model's probabilities as they come (no temperature).</param>
    public FeatureModelComparison(
        IReadOnlyList<FoldPredictions> folds, CompanionProbabilities features, RhythmEvaluation network, RhythmEvaluation ensemble, RhythmEvaluation uncalibratedEnsemble)
    {
        var tested = folds.SelectMany(fold => fold.Test).ToArray();
        FeatureModel = ChallengeScore.Cinc2017(
            [.. tested.Select(p => p.Label)], [.. tested.Select(p => Probabilities.ArgMax(features.ByRecord[p.Record]))]);
        Network = network.ChallengeF1.Estimate;
        NetworkFolds = network.FoldChallengeF1;
        Ensemble = ensemble.ChallengeF1.Estimate;
        EnsembleFolds = ensemble.FoldChallengeF1;
        UncalibratedEnsemble = uncalibratedEnsemble.ChallengeF1.Estimate;
        UncalibratedEnsembleFolds = uncalibratedEnsemble.FoldChallengeF1;
        FeatureTemperatures = features.Temperatures;
    }

    /// <summary>The network's pooled score.</summary>
    public double Network { get; }

    /// <summary>The network's score per fold.</summary>
    public IReadOnlyList<double> NetworkFolds { get; }

    /// <summary>The feature model's pooled score over the same test records.</summary>
    public double FeatureModel { get; }

    /// <summary>The ensemble's pooled score.</summary>
    public double Ensemble { get; }

    /// <summary>The ensemble's score per fold.</summary>
    public IReadOnlyList<double> EnsembleFolds { get; }

    /// <summary>The pooled score of the ensemble with the feature model's probabilities uncalibrated.</summary>
    public double UncalibratedEnsemble { get; }

    /// <summary>Its score per fold.</summary>
    public IReadOnlyList<double> UncalibratedEnsembleFolds { get; }

    /// <summary>The feature model's temperature per fold (fitted on the other folds' out-of-fold predictions).</summary>
    public IReadOnlyList<double> FeatureTemperatures { get; }
}
