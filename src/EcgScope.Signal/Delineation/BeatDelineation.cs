namespace EcgScope.Signal.Delineation;

/// <summary>
/// The waves of one beat, as sample indices into the lead; null where the wave was not found (no P wave in atrial
/// fibrillation, a T wave cut off by the record's end) rather than guessed.
/// </summary>
/// <param name="RPeak">The beat's R peak (sample index), as the detector gave it.</param>
/// <param name="POnset">Start of the P wave (sample index), or null.</param>
/// <param name="PPeak">The P wave's extremum (sample index), or null.</param>
/// <param name="POffset">End of the P wave (sample index), or null.</param>
/// <param name="QrsOnset">Start of the QRS complex (sample index), or null.</param>
/// <param name="QrsOffset">End of the QRS complex, the J point (sample index), or null.</param>
/// <param name="TOnset">Start of the T wave (sample index), or null.</param>
/// <param name="TPeak">The T wave's extremum (sample index), or null.</param>
/// <param name="TOffset">End of the T wave (sample index), or null.</param>
public sealed record BeatDelineation(
    int RPeak,
    int? POnset,
    int? PPeak,
    int? POffset,
    int? QrsOnset,
    int? QrsOffset,
    int? TOnset,
    int? TPeak,
    int? TOffset)
{
    /// <summary>The sample index of <paramref name="fiducial"/>, or null when it was not found.</summary>
    public int? At(Fiducial fiducial) => fiducial switch
    {
        Fiducial.POnset => POnset,
        Fiducial.PPeak => PPeak,
        Fiducial.POffset => POffset,
        Fiducial.QrsOnset => QrsOnset,
        Fiducial.QrsOffset => QrsOffset,
        Fiducial.TOnset => TOnset,
        Fiducial.TPeak => TPeak,
        Fiducial.TOffset => TOffset,
        _ => throw new ArgumentOutOfRangeException(nameof(fiducial), fiducial, "Unknown fiducial."),
    };

    /// <summary>Whether a P wave was found (peak and both ends).</summary>
    public bool HasPWave => POnset.HasValue && PPeak.HasValue && POffset.HasValue;
}
