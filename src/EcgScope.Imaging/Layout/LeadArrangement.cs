namespace EcgScope.Imaging.Layout;

/// <summary>How ECG machines arrange twelve leads on one page.</summary>
public enum LeadArrangement
{
    /// <summary>Three rows of four columns (I, II, III | aVR, aVL, aVF | V1, V2, V3 | V4, V5, V6), each a quarter of the recording, and a full-length rhythm strip below.</summary>
    ThreeByFourWithRhythm,

    /// <summary>Six rows of two columns (limb leads left, chest leads right), each half of the recording.</summary>
    SixByTwo,

    /// <summary>Twelve rows, each lead over the whole recording.</summary>
    TwelveByOne,
}
