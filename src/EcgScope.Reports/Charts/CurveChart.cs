using ScottPlot;

namespace EcgScope.Reports.Charts;

/// <summary>One named line of a <see cref="CurveChart"/>: points in drawing order.</summary>
public sealed record Curve
{
    /// <summary>A line through the points (<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> and <paramref name="y"/> differ in length.</exception>
    public Curve(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, bool markers = false, bool dashed = false, int? colour = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Curve '{name}' has {x.Count} x values but {y.Count} y values.", nameof(y));
        }

        (Name, X, Y, Markers, Dashed, Colour) = (name, x, y, markers, dashed, colour);
    }

    /// <summary>The legend's text.</summary>
    public string Name { get; }

    /// <summary>The points' x values.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The points' y values.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Whether each point gets a marker (a reliability bin) or only the line joins them (a ROC curve).</summary>
    public bool Markers { get; }

    /// <summary>Whether the line is dashed (a validation curve beside its solid training curve).</summary>
    public bool Dashed { get; }

    /// <summary>The palette entry of the line (curves that belong together share one); null: the curve's position in the chart.</summary>
    public int? Colour { get; }
}

/// <summary>
/// A plain line chart of a model's figures for its card: ROC and precision-recall curves, reliability diagrams and
/// training curves. <see cref="UnitSquare"/> fixes both axes to [0, 1] (rates and probabilities); <see cref="Diagonal"/>
/// adds the dashed y = x line (chance for ROC, perfect calibration for reliability).
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="XLabel">The x axis's label, with its unit.</param>
/// <param name="YLabel">The y axis's label, with its unit.</param>
/// <param name="Curves">The lines, coloured in this order from the Category 10 palette (blue, orange, green, ...).</param>
public sealed record CurveChart(string Title, string XLabel, string YLabel, IReadOnlyList<Curve> Curves)
{
    /// <summary>Both axes span [0, 1].</summary>
    public bool UnitSquare { get; init; }

    /// <summary>A dashed grey y = x line behind the curves.</summary>
    public bool Diagonal { get; init; }

    /// <summary>The legend to the right of the data rather than over its lower right corner (for many curves).</summary>
    public bool LegendBeside { get; init; }

    /// <summary>The chart as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public byte[] ToPng(int width = 640, int height = 480)
    {
        using var plot = new Plot();
        ChartFonts.Apply(plot);
        plot.Title(Title);
        plot.XLabel(XLabel);
        plot.YLabel(YLabel);
        if (Diagonal)
        {
            var line = plot.Add.Line(0, 0, 1, 1);
            line.LineColor = Colors.Gray;
            line.LinePattern = LinePattern.Dashed;
        }

        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (curve, index) in Curves.Select((curve, index) => (curve, index)))
        {
            var scatter = plot.Add.Scatter(curve.X.ToArray(), curve.Y.ToArray(), palette.GetColor(curve.Colour ?? index));
            scatter.LegendText = curve.Name;
            scatter.MarkerSize = curve.Markers ? 6 : 0;
            scatter.LineWidth = 2;
            scatter.LinePattern = curve.Dashed ? LinePattern.Dashed : LinePattern.Solid;
        }

        if (UnitSquare)
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
        }

        if (LegendBeside)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.ShowLegend(Alignment.LowerRight);
        }

        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
