namespace EcgScope.Imaging.Layout;

/// <summary>How a printout maps time and voltage to paper: paper speed and gain.</summary>
/// <param name="MillimetersPerSecond">Paper speed; 25 mm/s is the standard, 50 mm/s the fast setting.</param>
/// <param name="MillimetersPerMillivolt">Gain; 10 mm/mV is the standard, 5 and 20 the half and double settings.</param>
public readonly record struct PaperScale(double MillimetersPerSecond, double MillimetersPerMillivolt)
{
    /// <summary>25 mm/s and 10 mm/mV: one small (1 mm) square is 40 ms by 0.1 mV.</summary>
    public static PaperScale Standard { get; } = new(25, 10);
}
