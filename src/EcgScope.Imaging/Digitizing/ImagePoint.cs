namespace EcgScope.Imaging.Digitizing;

/// <summary>A point in an image, in pixels from its top-left corner (x to the right, y downwards).</summary>
/// <param name="X">Pixels from the left edge.</param>
/// <param name="Y">Pixels from the top edge.</param>
public readonly record struct ImagePoint(double X, double Y);
