namespace EcgScope.ML.Models;

/// <summary>
/// The single-lead rhythm ensemble: <see cref="RhythmCnn"/>'s network and gradient-boosted trees on the rhythm
/// features of the same lead (the feature experiment's), each calibrated by its own temperature, their probabilities
/// averaged with equal weights fixed beforehand. It reads what the network reads; the trees read the lead at the rate
/// it was recorded.
/// </summary>
public static class RhythmEnsemble
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "rhythm-ensemble";

    /// <summary>The trees' weight in the mean of probabilities.</summary>
    public const double TreesShare = 0.5;

    /// <summary>The project's goal for the CinC 2017 score in cross-validation, which the cards compare against.</summary>
    public const double Goal = 0.84;
}
