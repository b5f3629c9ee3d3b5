using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Explanations;
using EcgScope.Reports.Charts;
using EcgScope.Testing;
using SkiaSharp;

namespace EcgScope.Reports.Tests;

/// <summary>Renders real charts and checks them pixel by pixel against the paper scale.</summary>
public sealed class EcgPaperChartTests
{
    private const double Hertz = 250;
    private static readonly EcgPaperColors Colors = EcgPaperColors.Classic;

    [Fact]
    public void Image_size_follows_the_paper_scale()
    {
        var chart = new EcgPaperChart(Record(10, _ => 0));
        using var image = Decode(chart.ToPng());

        Assert.Equal(1000, chart.PixelX(10) - chart.PixelX(0), precision: 6); // 10 s × 25 mm/s × 4 px/mm
        Assert.Equal((chart.WidthPixels, chart.HeightPixels), (image.Width, image.Height));
        Assert.InRange(image.Width - 1000, 40, 150); // the calibration lead-in (10 mm) and the margins
        Assert.InRange(image.Height - 120, 0, 100); // one 30 mm row and the time axis
    }

    [Fact]
    public void Half_the_speed_and_pixels_per_mm_draw_a_quarter_as_wide()
    {
        var chart = new EcgPaperChart(Record(10, _ => 0), new EcgPaperChartOptions { PaperSpeedMmPerSecond = 12.5, PixelsPerMm = 2 });

        Assert.Equal(250, chart.PixelX(10) - chart.PixelX(0), precision: 6);
    }

    [Fact]
    public void Grid_lines_have_the_grid_colours_and_paper_between_them_is_background()
    {
        var chart = new EcgPaperChart(Record(10, _ => 0));
        using var image = Decode(chart.ToPng());
        var farFromTrace = chart.PixelY(0, 1.25); // 12.5 mm above the baseline: halfway between two mm lines

        // 1 s lies 25 mm into the trace: on a major (5 mm) line; 1.04 s on a minor one.
        Assert.Equal(Colors.MajorGrid, At(image, chart.PixelX(1), farFromTrace));
        Assert.Equal(Colors.MinorGrid, At(image, chart.PixelX(1.04), farFromTrace));
        Assert.Equal(Colors.Paper, At(image, chart.PixelX(1.02), farFromTrace));
    }

    [Theory]
    [InlineData(10, 4)]
    [InlineData(20, 3)]
    public void A_1_mV_step_is_drawn_gain_millimetres_high(double gainMmPerMillivolt, double pixelsPerMm)
    {
        var options = new EcgPaperChartOptions { GainMmPerMillivolt = gainMmPerMillivolt, PixelsPerMm = pixelsPerMm, RowHeightMm = 50 };
        var chart = new EcgPaperChart(Record(10, seconds => seconds < 5 ? 0 : 1), options);
        using var image = Decode(chart.ToPng());

        var low = TraceRows(image, chart, 2.01).Average();
        var high = TraceRows(image, chart, 7.01).Average();

        Assert.Equal(chart.PixelY(0, 0), low, tolerance: 1.5);
        Assert.Equal(-gainMmPerMillivolt * pixelsPerMm, high - low, tolerance: 1.5);
    }

    [Fact]
    public void A_bin_scoring_1_is_shaded_redder_than_one_scoring_0()
    {
        var relevance = new Relevance
        {
            Method = RelevanceMethod.Occlusion,
            ClassName = "AF",
            BinSeconds = 1,
            Scores = [0, 1, 0.5, 0, 0, 0, 0, 0, 0, 0],
        };
        var chart = new EcgPaperChart(Record(10, _ => 0), overlays: new EcgChartOverlays { Relevance = relevance });
        using var image = Decode(chart.ToPng());
        var y = chart.PixelY(0, 1.25);

        var unscored = At(image, chart.PixelX(0.42), y); // 0.02 s (half a mm) off the grid lines
        var half = At(image, chart.PixelX(2.42), y);
        var full = At(image, chart.PixelX(1.42), y);

        Assert.Equal(Colors.Paper, unscored);
        Assert.True(full.Blue < half.Blue - 30 && half.Blue < unscored.Blue - 30, $"blue {unscored.Blue} → {half.Blue} → {full.Blue}");
        Assert.Equal(255, full.Red);
    }

    [Fact]
    public void Missing_samples_leave_a_gap_not_a_line_to_zero()
    {
        var chart = new EcgPaperChart(Record(10, seconds => seconds is >= 4 and < 6 ? double.NaN : 0.5));
        using var image = Decode(chart.ToPng());

        Assert.NotEmpty(TraceRows(image, chart, 3.01));
        Assert.Empty(TraceRows(image, chart, 5.01));
    }

    [Fact]
    public void R_peaks_and_noisy_spans_are_drawn_in_their_colours()
    {
        var overlays = new EcgChartOverlays { RPeakSampleIndices = [(int)(3 * Hertz)], NoisySpans = [new SecondsRange(6, 8)] };
        var chart = new EcgPaperChart(Record(10, _ => 0), overlays: overlays);
        using var image = Decode(chart.ToPng());

        var marker = At(image, chart.PixelX(3), chart.PixelY(0, 0.2)); // the marker's centre, 2 mm above the peak
        Assert.True(marker.Blue - marker.Red > 100, $"marker pixel {marker}");
        Assert.True(At(image, chart.PixelX(7.02), chart.PixelY(0, 1.25)).Blue < Colors.Paper.Blue - 20);
        Assert.Equal(Colors.Paper, At(image, chart.PixelX(5.02), chart.PixelY(0, 1.25)));
    }

    [Fact]
    public void A_time_range_and_lead_subset_are_drawn_alone()
    {
        var record = Record(10, _ => 0, "I", "II");
        var chart = new EcgPaperChart(record, new EcgPaperChartOptions { StartSeconds = 2, DurationSeconds = 3, Leads = ["ii"] });

        Assert.Equal(["II"], chart.RowLeadNames);
        Assert.Equal(300, chart.PixelX(5) - chart.PixelX(2), precision: 6);
        Assert.Throws<ArgumentException>(() => new EcgPaperChart(record, new EcgPaperChartOptions { Leads = ["V9"] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcgPaperChart(record, new EcgPaperChartOptions { StartSeconds = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcgPaperChart(record, new EcgPaperChartOptions { PixelsPerMm = 0 }));
    }

    [Fact]
    public void A_12_lead_PTB_XL_record_is_drawn_in_12_rows_with_a_trace_in_each()
    {
        var record = EcgFile.Read(TestData.File("ptbxl", "records100", "00000", "00001_lr.hea"));
        var chart = new EcgPaperChart(record);
        var png = chart.ToPng();
        File.WriteAllBytes(Path.Combine(TestData.TempFolder(), "ptbxl-00001.png"), png);
        using var image = Decode(png);

        Assert.Equal(record.LeadNames, chart.RowLeadNames);
        Assert.Equal(12, chart.RowLeadNames.Count());
        for (var row = 0; row < 12; row++)
        {
            var rowTop = chart.PixelY(row, 1.5);
            var rowBottom = chart.PixelY(row, -1.5);
            var inRow = Enumerable.Range(0, 10).SelectMany(second => TraceRows(image, chart, second + 0.5))
                .Count(y => y > rowTop && y < rowBottom);
            Assert.True(inRow > 0, $"row {row} ({record.Leads[row].Name}) has no trace");
        }
    }

    [Fact]
    public void Svg_and_canvas_outputs_draw_the_same_chart()
    {
        var chart = new EcgPaperChart(Record(10, seconds => seconds < 5 ? 0 : 1));

        var svg = chart.ToSvg();
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains($"width=\"{chart.WidthPixels}\"", svg, StringComparison.Ordinal);

        using var bitmap = new SKBitmap(chart.WidthPixels, chart.HeightPixels);
        using (var canvas = new SKCanvas(bitmap))
        {
            chart.Render(canvas);
        }

        Assert.Equal(chart.PixelY(0, 1), TraceRows(bitmap, chart, 7.01).Average(), tolerance: 1.5);
    }

    [Fact]
    public void Drawn_on_a_PDF_page_the_chart_is_vector_paper_at_true_millimetres()
    {
        var chart = new EcgPaperChart(Record(3, seconds => seconds < 1.5 ? 0 : 1, "V1"));
        var pointsPerPixel = 72 / 25.4 / 4; // 4 px/mm, 72 points per inch
        using var pdf = new MemoryStream();
        using (var document = SKDocument.CreatePdf(pdf))
        {
            var canvas = document.BeginPage((float)(chart.WidthPixels * pointsPerPixel), (float)(chart.HeightPixels * pointsPerPixel));
            canvas.Scale((float)pointsPerPixel);
            chart.Render(canvas);
            document.EndPage();
        }

        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf.ToArray());
        var page = read.GetPage(1);
        Assert.Contains(page.GetWords(), word => word.Text == "V1"); // once: overdrawn text reads back as "VV11"
        Assert.Contains("mm/mV", page.Text, StringComparison.Ordinal);
        Assert.Equal(chart.WidthPixels / 4.0, page.Width * 25.4 / 72, tolerance: 0.1); // millimetres
        Assert.True(page.Paths.Count > 100, $"{page.Paths.Count} paths: the grid and trace should be vector lines");
        var leadName = page.Letters.First(letter => letter.Value == "V");
        Assert.Equal(3, leadName.StartBaseLine.X * 25.4 / 72, tolerance: 0.5); // 2 mm margin + 1 mm inset, so the scale held
    }

    /// <summary>A record of <paramref name="seconds"/> at 250 Hz whose leads (default "II" alone) follow <paramref name="millivoltsAt"/>.</summary>
    private static EcgRecord Record(double seconds, Func<double, double> millivoltsAt, params string[] leadNames)
    {
        var samples = Enumerable.Range(0, (int)(seconds * Hertz)).Select(i => millivoltsAt(i / Hertz)).ToImmutableArray();
        var names = leadNames.Length > 0 ? leadNames : ["II"];
        return new EcgRecord([.. names.Select(name => new EcgLead(name, samples))], new SamplingRate(Hertz));
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png);

    private static SKColor At(SKBitmap image, double x, double y) => image.GetPixel((int)Math.Round(x), (int)Math.Round(y));

    /// <summary>
    /// The pixel rows that the trace darkens at <paramref name="seconds"/> (grid lines and overlays are all red, blue or light in some channel),
    /// down to 0.5 mV below the last row's baseline: the time axis's labels lie further down.
    /// </summary>
    private static List<int> TraceRows(SKBitmap image, EcgPaperChart chart, double seconds)
    {
        var column = (int)Math.Round(chart.PixelX(seconds));
        var bottom = (int)chart.PixelY(chart.RowLeadNames.Count() - 1, -0.5);
        return [.. Enumerable.Range(0, bottom).Where(y => image.GetPixel(column, y) is { Red: < 160, Green: < 160, Blue: < 160 })];
    }
}
