namespace EcgScope.ML.Models;

/// <summary>
/// The single-lead rhythm ensemble: <see cref="RhythmCnn"/>'s network and gradient-boosted trees on the rhythm
/// features of the same lead (the feature experiment's), their probabilities averaged with equal weights fixed
/// beforehand. It reads what the network reads; the trees read the lead at the rate it was recorded.
/// </summary>
public static class RhythmEnsemble
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "rhythm-ensemble";

    /// <summary>The trees' weight in the mean of probabilities.</summary>
    public const double TreesShare = 0.5;
}
