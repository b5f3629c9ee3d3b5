namespace EcgScope.Imaging.Layout;

/// <summary>One lead as printed: which stretch of the recording it shows and where on the paper it lies.</summary>
/// <param name="Lead">The lead's name (I, II, III, aVR, aVL, aVF, V1 … V6).</param>
/// <param name="StartSeconds">The moment of the recording at the panel's left edge.</param>
/// <param name="DurationSeconds">How much of the recording the panel shows.</param>
/// <param name="LeftMillimeters">The panel's left edge, from the grid's left edge.</param>
/// <param name="BaselineMillimeters">The height of the panel's 0 mV line, from the grid's top edge (paper y grows downwards).</param>
/// <param name="HeightMillimeters">The height of the row the panel sits in; its trace may reach beyond it into neighbouring rows.</param>
public sealed record LeadPanel(
    string Lead, double StartSeconds, double DurationSeconds, double LeftMillimeters, double BaselineMillimeters, double HeightMillimeters)
{
    /// <summary>The panel's width on paper at <paramref name="scale"/>.</summary>
    public double WidthMillimeters(PaperScale scale) => DurationSeconds * scale.MillimetersPerSecond;
}
