using ScottPlot;

namespace EcgScope.Reports.Charts;

/// <summary>
/// A ScottPlot plottable drawn straight onto the canvas in paper coordinates (millimetres): the chart sets the axis
/// limits itself, so these take no part in autoscaling or the legend.
/// </summary>
internal abstract class PaperPlottable : IPlottable
{
    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    public abstract void Render(RenderPack rp);
}
