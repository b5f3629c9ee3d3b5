using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Digitizing;

/// <summary>A printout turned back into a signal, with what was found on the way and how far to trust it.</summary>
/// <param name="Record">
/// The twelve standard leads over the printout's whole duration, at <see cref="DigitizerOptions.SamplingRate"/>, in
/// millivolts; NaN where a lead was not printed (a 3x4 printout shows each lead for a quarter of the time, the
/// rhythm strip's lead for all of it).
/// </param>
/// <param name="Layout">The arrangement, scale and lead panels found, in millimetres from the grid's top-left corner.</param>
/// <param name="Confidence">How far to trust the record, 0..1; below <see cref="LowConfidence"/> it should not be used.</param>
/// <param name="Concerns">Why confidence is lower than 1 (grid not found, implausible scale, traces lost); empty when none.</param>
/// <param name="Transform">From the input image's pixels to millimetres on the paper.</param>
/// <param name="Panels">Each printed lead stretch with its trace in image pixels, in the order of <see cref="PrintoutLayout.Panels"/>.</param>
/// <param name="PixelsPerMillimeter">The image's scale on the paper (7.87 at 200 dpi).</param>
/// <param name="SkewDegrees">How far the image was rotated to straighten it (OpenCV's sense: positive anticlockwise).</param>
public sealed record DigitizedPrintout(
    EcgRecord Record,
    PrintoutLayout Layout,
    double Confidence,
    ImmutableArray<string> Concerns,
    PaperTransform Transform,
    ImmutableArray<DigitizedPanel> Panels,
    double PixelsPerMillimeter,
    double SkewDegrees)
{
    /// <summary>Below this confidence a digitized record is refused by <see cref="PrintoutImageReader"/>.</summary>
    public const double LowConfidence = 0.5;
}
