using EcgScope.Reports.Charts;
using SkiaSharp;

namespace EcgScope.Reports.Tests;

public sealed class CurveChartTests
{
    // ScottPlot's default palette (Category 10) draws the first curve blue and the second orange.
    private static readonly SKColor First = SKColor.Parse("#1f77b4");
    private static readonly SKColor Second = SKColor.Parse("#ff7f0e");

    [Fact]
    public void Draws_each_curve_in_its_own_colour_at_the_asked_size()
    {
        var chart = new CurveChart("ROC", "false-positive rate", "true-positive rate",
            [new Curve("a", [0, 0.1, 1], [0, 0.8, 1]), new Curve("b", [0, 0.5, 1], [0, 0.6, 1], markers: true)])
        {
            UnitSquare = true,
            Diagonal = true,
        };

        using var image = SKBitmap.Decode(chart.ToPng(500, 400));

        Assert.Equal((500, 400), (image.Width, image.Height));
        Assert.True(Count(image, First) > 200, "the first curve is drawn");
        Assert.True(Count(image, Second) > 200, "the second curve is drawn");
    }

    [Fact]
    public void An_empty_chart_has_no_curve_colour()
    {
        using var image = SKBitmap.Decode(new CurveChart("nothing", "x", "y", []).ToPng());

        Assert.Equal(0, Count(image, First));
    }

    [Fact]
    public void Curve_with_unequal_coordinates_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Curve("broken", [0, 1], [0]));

        Assert.Contains("2 x values but 1 y values", error.Message, StringComparison.Ordinal);
    }

    private static int Count(SKBitmap image, SKColor color) =>
        image.Pixels.Count(pixel => Math.Abs(pixel.Red - color.Red) + Math.Abs(pixel.Green - color.Green) + Math.Abs(pixel.Blue - color.Blue) < 30);
}
