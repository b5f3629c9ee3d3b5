using System.Globalization;
using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Packaging;

/// <summary>
/// The rhythm CNN beside the feature model (64 rhythm features + LightGBM, docs/models/rhythm-features-cv.md) on the
/// same folds, and their equal-weight ensemble, read from the feature model's out-of-fold file.
/// </summary>
internal sealed class FeatureModelComparison
{
    public FeatureModelComparison(IReadOnlyList<FoldPredictions> folds, RhythmEvaluation evaluation, string outOfFoldPath)
    {
        var rows = File.ReadLines(outOfFoldPath).Skip(1).Select(line => line.Split(',')).ToList();
        var probabilities = rows.ToDictionary(
            fields => fields[0], fields => fields[3..7].Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray(), StringComparer.Ordinal);
        var tested = folds.SelectMany(fold => fold.Test).ToArray();
        FeatureModel = ChallengeScore.Cinc2017(
            [.. tested.Select(p => p.Label)], [.. tested.Select(p => Inference.Verdicts.Probabilities.ArgMax(probabilities[p.Record]))]);
        (Ensemble, EnsembleFolds) = evaluation.EnsembleScore(folds, probabilities);
    }

    /// <summary>The feature model's pooled score over the same test records.</summary>
    public double FeatureModel { get; }

    /// <summary>The ensemble's pooled score.</summary>
    public double Ensemble { get; }

    /// <summary>The ensemble's score per fold.</summary>
    public IReadOnlyList<double> EnsembleFolds { get; }
}
