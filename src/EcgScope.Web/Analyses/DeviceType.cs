namespace EcgScope.Web.Analyses;

/// <summary>The device a person says recorded their ECG; it is kept with the analysis and changes nothing in it.</summary>
public enum DeviceType
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>An Apple Watch (Health app export, PDF or CSV).</summary>
    AppleWatch,

    /// <summary>A Samsung Galaxy Watch.</summary>
    Samsung,

    /// <summary>An AliveCor Kardia device.</summary>
    Kardia,

    /// <summary>Anything else (a hospital ECG, a Holter, a research record).</summary>
    Other,
}
