namespace EcgScope.Signal.Delineation;

/// <summary>The eight fiducial points a beat's delineation gives, in the order they occur.</summary>
public enum Fiducial
{
    /// <summary>Start of the P wave.</summary>
    POnset,

    /// <summary>The P wave's peak (its extremum, either polarity).</summary>
    PPeak,

    /// <summary>End of the P wave.</summary>
    POffset,

    /// <summary>Start of the QRS complex.</summary>
    QrsOnset,

    /// <summary>End of the QRS complex (the J point).</summary>
    QrsOffset,

    /// <summary>Start of the T wave.</summary>
    TOnset,

    /// <summary>The T wave's peak (its extremum, either polarity).</summary>
    TPeak,

    /// <summary>End of the T wave.</summary>
    TOffset,
}
