using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Rendering;

/// <summary>Where one printed lead lies in the image: the pixel box holding its panel's row-high stretch of paper.</summary>
/// <param name="Panel">The panel as laid out on paper.</param>
/// <param name="Left">The box's left edge in pixels.</param>
/// <param name="Top">The box's top edge in pixels.</param>
/// <param name="Width">The box's width in pixels.</param>
/// <param name="Height">The box's height in pixels.</param>
/// <remarks>After a rotation or perspective the box is the bounding box of the panel's mapped corners.</remarks>
public sealed record PanelBox(LeadPanel Panel, double Left, double Top, double Width, double Height);
