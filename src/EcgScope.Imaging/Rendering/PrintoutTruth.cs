using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Rendering;

/// <summary>What a rendered (and possibly degraded) printout shows, to score a digitizer against.</summary>
/// <param name="Record">The record as printed (see <see cref="PrintedRecord"/>): NaN where a lead was not printed.</param>
/// <param name="Layout">Where each lead lies on the grid, and the paper speed and gain.</param>
/// <param name="PixelsPerMillimeter">The rendering resolution, before any degradation warped the image.</param>
/// <param name="ImageFromPaper">
/// Maps paper millimetres (from the grid's top-left, y down) to image pixels (pixel centres at integers); every
/// geometric degradation updates it, so it stays right for the image it comes with.
/// </param>
public sealed record PrintoutTruth(EcgRecord Record, PrintoutLayout Layout, double PixelsPerMillimeter, Homography ImageFromPaper)
{
    /// <summary>The grid's top-left corner in image pixels.</summary>
    public (double X, double Y) GridTopLeft => ImageFromPaper.Map(0, 0);

    /// <summary>Each panel's box in image pixels, in the layout's order: the panel's width by its row's height around its baseline.</summary>
    public ImmutableArray<PanelBox> PanelBoxes => [.. Layout.Panels.Select(BoxOf)];

    /// <summary>The image point of <paramref name="seconds"/> into the recording at <paramref name="millivolts"/> on <paramref name="panel"/>.</summary>
    public (double X, double Y) ImagePoint(LeadPanel panel, double seconds, double millivolts)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var scale = Layout.Scale;
        return ImageFromPaper.Map(
            panel.LeftMillimeters + ((seconds - panel.StartSeconds) * scale.MillimetersPerSecond),
            panel.BaselineMillimeters - (millivolts * scale.MillimetersPerMillivolt));
    }

    private PanelBox BoxOf(LeadPanel panel)
    {
        var left = panel.LeftMillimeters;
        var right = left + panel.WidthMillimeters(Layout.Scale);
        var top = panel.BaselineMillimeters - (panel.HeightMillimeters / 2);
        var bottom = top + panel.HeightMillimeters;
        (double X, double Y)[] corners = [ImageFromPaper.Map(left, top), ImageFromPaper.Map(right, top), ImageFromPaper.Map(left, bottom), ImageFromPaper.Map(right, bottom)];
        var x = corners.Min(corner => corner.X);
        var y = corners.Min(corner => corner.Y);
        return new PanelBox(panel, x, y, corners.Max(corner => corner.X) - x, corners.Max(corner => corner.Y) - y);
    }
}
