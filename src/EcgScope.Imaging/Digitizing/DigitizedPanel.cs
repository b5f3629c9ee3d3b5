using System.Collections.Immutable;
using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Digitizing;

/// <summary>One printed lead stretch as the digitizer followed it.</summary>
/// <param name="Panel">Where the lead lies on the paper and which stretch of the recording it shows.</param>
/// <param name="Trace">The followed trace in the input image's pixels, left to right, for drawing over the image.</param>
/// <param name="Coverage">The share of the panel's columns where trace was found (0..1); the rest is interpolated or missing.</param>
public sealed record DigitizedPanel(LeadPanel Panel, ImmutableArray<ImagePoint> Trace, double Coverage);
