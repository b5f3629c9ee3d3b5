namespace EcgScope.Imaging.Rendering;

/// <summary>How the printout's millimetre grid is drawn.</summary>
public enum GridStyle
{
    /// <summary>Solid red/pink lines, the classic ECG paper.</summary>
    Red,

    /// <summary>Solid green lines.</summary>
    Green,

    /// <summary>Solid blue lines.</summary>
    Blue,

    /// <summary>Solid grey lines, as a monochrome printer draws them.</summary>
    Grey,

    /// <summary>Pink dotted 5 mm lines and a dot at every 1 mm crossing, like the genuine printouts of the cardiac-patients set.</summary>
    Dots,
}
