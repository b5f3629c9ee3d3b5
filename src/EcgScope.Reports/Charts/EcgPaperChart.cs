using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Inference.Explanations;
using ScottPlot;
using SkiaSharp;

namespace EcgScope.Reports.Charts;

/// <summary>
/// An ECG record drawn on standard ECG paper: one row per lead with its name and a 1 mV calibration pulse, a 1 mm
/// and 5 mm grid, time in seconds along the bottom, and optional overlays (R-peaks, relevance, noisy spans).
/// </summary>
/// <remarks>
/// Every output (PNG, SVG, any <see cref="SKCanvas"/> such as a PDF page) is drawn by the same ScottPlot plot, built
/// afresh for each call, so the chart holds no native resources. Inside the plot the coordinates are millimetres of
/// paper from the data area's bottom-left corner, so one millimetre is square by construction. Samples are drawn as
/// they are (no baseline removal); a NaN or infinite sample leaves a gap.
/// </remarks>
public sealed class EcgPaperChart
{
    // Each row starts with 0.4 s of paper holding the calibration pulse: 1 mV high, 0.2 s wide, 0.1 s in.
    private const double LeadInSeconds = 0.4, PulseStartSeconds = 0.1, PulseSeconds = 0.2, PulseMillivolts = 1.0;

    // Sizes in millimetres of paper, so that text and lines keep their proportions at any pixels per mm. The bottom
    // margin holds the time axis; the right one half of its last label.
    private const double MarginMm = 2, RightMarginMm = 4, BottomMarginMm = 12;
    private const double TickLabelMm = 2.5, LeadNameMm = 3, LeadNameInsetMm = 1;
    private const double TraceWidthMm = 0.3, OutlineWidthMm = 0.5, RPeakMarkerMm = 1.5, RPeakMarkerLiftMm = 2;

    /// <summary>The opacity of relevance shading where a bin scores 1: the grid and trace stay readable through it.</summary>
    private const double MaxRelevanceOpacity = 0.45;

    private readonly EcgRecord record;
    private readonly EcgPaperChartOptions options;
    private readonly EcgChartOverlays overlays;
    private readonly ImmutableArray<EcgLead> rows;
    private readonly double startSeconds, endSeconds, widthMm, heightMm, leadInMm;

    /// <summary>Lays out <paramref name="record"/> on paper; nothing is drawn until an output is asked for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A scale option is not a finite positive number, or the time range lies outside the record.</exception>
    /// <exception cref="ArgumentException">A lead named in <see cref="EcgPaperChartOptions.Leads"/> is not in the record.</exception>
    public EcgPaperChart(EcgRecord record, EcgPaperChartOptions? options = null, EcgChartOverlays? overlays = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        this.record = record;
        this.options = options ??= new EcgPaperChartOptions();
        this.overlays = overlays ?? new EcgChartOverlays();
        RequirePositive(options.PaperSpeedMmPerSecond, nameof(options.PaperSpeedMmPerSecond));
        RequirePositive(options.GainMmPerMillivolt, nameof(options.GainMmPerMillivolt));
        RequirePositive(options.PixelsPerMm, nameof(options.PixelsPerMm));
        RequirePositive(options.RowHeightMm, nameof(options.RowHeightMm));
        if (!(options.StartSeconds >= 0 && options.StartSeconds < record.DurationSeconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.StartSeconds, $"The start must lie within the record (0 to {record.DurationSeconds} s).");
        }

        if (options.DurationSeconds is { } duration)
        {
            RequirePositive(duration, nameof(options.DurationSeconds));
        }

        rows = options.Leads.IsDefaultOrEmpty
            ? record.Leads
            : [.. options.Leads.Select(name => record.FindLead(name) ?? throw new ArgumentException(
                $"The record has no lead '{name}'; it has {string.Join(", ", record.LeadNames)}.", nameof(options)))];
        startSeconds = options.StartSeconds;
        endSeconds = Math.Min(record.DurationSeconds, startSeconds + (options.DurationSeconds ?? double.PositiveInfinity));
        leadInMm = LeadInSeconds * options.PaperSpeedMmPerSecond;
        widthMm = leadInMm + ((endSeconds - startSeconds) * options.PaperSpeedMmPerSecond);
        heightMm = rows.Length * options.RowHeightMm;
        WidthPixels = (int)Math.Ceiling((MarginMm + widthMm + RightMarginMm) * options.PixelsPerMm);
        HeightPixels = (int)Math.Ceiling((MarginMm + heightMm + BottomMarginMm) * options.PixelsPerMm);
    }

    /// <summary>Width of the image, in pixels (of the options' scale; on a vector canvas, units).</summary>
    public int WidthPixels { get; }

    /// <summary>Height of the image, in pixels.</summary>
    public int HeightPixels { get; }

    /// <summary>The names of the leads drawn, one row each from the top.</summary>
    public IEnumerable<string> RowLeadNames => rows.Select(lead => lead.Name);

    /// <summary>The horizontal pixel position of a moment, in seconds from the record's start.</summary>
    public double PixelX(double seconds) => Pixels(MarginMm + TimeToMm(seconds));

    /// <summary>The vertical pixel position (from the top) of <paramref name="millivolts"/> in row <paramref name="row"/> (0 is the top row).</summary>
    public double PixelY(int row, double millivolts) => Pixels(MarginMm + heightMm - VoltageToMm(row, millivolts));

    /// <summary>The chart as a PNG image.</summary>
    /// <remarks>At the defaults a second of record is 100 px wide: a 30 min Holter record makes a 180,000 px wide image, so choose a time range.</remarks>
    public byte[] ToPng()
    {
        using var plot = BuildPlot();
        return plot.GetImageBytes(WidthPixels, HeightPixels, ImageFormat.Png);
    }

    /// <summary>Writes the chart as a PNG image to <paramref name="path"/>.</summary>
    public void SavePng(string path) => File.WriteAllBytes(path, ToPng());

    /// <summary>The chart as an SVG document (vector, same layout as the PNG).</summary>
    public string ToSvg()
    {
        using var plot = BuildPlot();
        return plot.GetSvgXml(WidthPixels, HeightPixels);
    }

    /// <summary>
    /// Draws the chart onto <paramref name="canvas"/> from its origin, one canvas unit per pixel, covering
    /// <see cref="WidthPixels"/> by <see cref="HeightPixels"/>. For true millimetres on a PDF page (units of 1/72 inch),
    /// scale the canvas by 72 / 25.4 / <see cref="EcgPaperChartOptions.PixelsPerMm"/> first.
    /// </summary>
    public void Render(SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var plot = BuildPlot();
        plot.Render(canvas, WidthPixels, HeightPixels);
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number above zero.");
        }
    }

    private double Pixels(double mm) => mm * options.PixelsPerMm;

    private double TimeToMm(double seconds) => leadInMm + ((seconds - startSeconds) * options.PaperSpeedMmPerSecond);

    private double VoltageToMm(int row, double millivolts) =>
        heightMm - ((row + 0.5) * options.RowHeightMm) + (millivolts * options.GainMmPerMillivolt);

    private Plot BuildPlot()
    {
        var plot = new Plot();
        ChartFonts.Apply(plot);
        var colors = options.Colors;
        plot.FigureBackground.Color = ScottPlot.Colors.White;
        plot.DataBackground.Color = new Color(colors.Paper);
        plot.HideGrid();
        plot.Layout.Fixed(new PixelRect(
            new Pixel((float)Pixels(MarginMm), (float)Pixels(MarginMm)),
            new PixelSize((float)Pixels(widthMm), (float)Pixels(heightMm))));
        plot.Axes.SetLimits(0, widthMm, 0, heightMm);
        SetUpTimeAxis(plot, colors.Text);

        plot.Add.Plottable(new PaperGrid(widthMm, heightMm, colors.MinorGrid, colors.MajorGrid));
        foreach (var span in overlays.NoisySpans)
        {
            AddSpan(plot, span.StartSeconds, span.EndSeconds, colors.Noise);
        }

        if (overlays.Relevance is { } relevance)
        {
            AddRelevance(plot, relevance, colors);
        }

        for (var row = 0; row < rows.Length; row++)
        {
            AddRow(plot, row, colors);
        }

        SettleLayout(plot);
        return plot;
    }

    /// <summary>
    /// ScottPlot draws a new plot twice on its first render (the second time with the layout the first measured): on a
    /// vector canvas every line and letter would be written twice, and text would read back as "VV11". A first render
    /// onto a canvas that draws nothing leaves every later render single.
    /// </summary>
    private void SettleLayout(Plot plot)
    {
        using var nothing = new SKNoDrawCanvas(WidthPixels, HeightPixels);
        plot.Render(nothing, WidthPixels, HeightPixels);
    }

    private void SetUpTimeAxis(Plot plot, SKColor textColor)
    {
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var second = Math.Ceiling(startSeconds); second <= endSeconds; second++)
        {
            ticks.AddMajor(TimeToMm(second), second.ToString(CultureInfo.InvariantCulture));
        }

        var axis = plot.Axes.Bottom;
        axis.TickGenerator = ticks;
        axis.TickLabelStyle.FontSize = (float)Pixels(TickLabelMm);
        axis.TickLabelStyle.ForeColor = new Color(textColor);
        axis.MajorTickStyle.Length = (float)Pixels(1);
        axis.Label.Text = string.Create(
            CultureInfo.InvariantCulture,
            $"{options.TimeAxisTitle} · {options.PaperSpeedMmPerSecond:0.##} mm/s · {options.GainMmPerMillivolt:0.##} mm/mV");
        axis.Label.FontSize = (float)Pixels(TickLabelMm);
        axis.Label.Bold = false;
        axis.Label.ForeColor = new Color(textColor);
    }

    private void AddRelevance(Plot plot, Relevance relevance, EcgPaperColors colors)
    {
        for (var bin = 0; bin < relevance.Scores.Length; bin++)
        {
            var score = relevance.Scores[bin];
            if (score > 0)
            {
                var shade = colors.Relevance.WithAlpha((byte)Math.Round(255 * MaxRelevanceOpacity * Math.Min(score, 1)));
                AddSpan(plot, bin * relevance.BinSeconds, (bin + 1) * relevance.BinSeconds, shade);
            }
        }

        foreach (var stretch in relevance.Stretches)
        {
            if (AddSpan(plot, stretch.StartSeconds, stretch.EndSeconds, SKColors.Transparent) is { } outline)
            {
                outline.LineColor = new Color(colors.RelevantStretch);
                outline.LineWidth = (float)Pixels(OutlineWidthMm);
            }
        }
    }

    /// <summary>Shades a span of time across every row, clipped to the time drawn; null where none of it is drawn.</summary>
    private ScottPlot.Plottables.Rectangle? AddSpan(Plot plot, double fromSeconds, double toSeconds, SKColor fill)
    {
        var from = Math.Max(fromSeconds, startSeconds);
        var to = Math.Min(toSeconds, endSeconds);
        if (!(to > from))
        {
            return null;
        }

        var rectangle = plot.Add.Rectangle(TimeToMm(from), TimeToMm(to), 0, heightMm);
        rectangle.FillColor = new Color(fill);
        rectangle.LineWidth = 0;
        return rectangle;
    }

    private void AddRow(Plot plot, int row, EcgPaperColors colors)
    {
        var lead = rows[row];
        var rate = record.SamplingRate;
        var first = (int)Math.Ceiling(startSeconds * rate.Hertz);
        var end = Math.Min(record.SampleCount, (int)Math.Ceiling(endSeconds * rate.Hertz));
        var xs = new double[end - first];
        var ys = new double[end - first];
        for (var i = first; i < end; i++)
        {
            var value = lead.Span[i];
            xs[i - first] = TimeToMm(rate.SecondsAt(i));
            ys[i - first] = double.IsFinite(value) ? VoltageToMm(row, value) : double.NaN;
        }

        var traceWidth = (float)Pixels(TraceWidthMm);
        plot.Add.Plottable(new GappedPolyline(xs, ys, colors.Trace, traceWidth));
        AddCalibrationPulse(plot, row, colors.Trace, traceWidth);
        AddRPeaks(plot, lead, row, colors.RPeak);

        var name = plot.Add.Text(lead.Name, LeadNameInsetMm, VoltageToMm(row, 0) + (options.RowHeightMm / 2) - LeadNameInsetMm);
        name.Alignment = Alignment.UpperLeft;
        name.LabelFontSize = (float)Pixels(LeadNameMm);
        name.LabelFontColor = new Color(colors.Text);
    }

    /// <summary>The classic 1 mV, 0.2 s rectangle in the lead-in, drawn at the row's paper speed and gain.</summary>
    private void AddCalibrationPulse(Plot plot, int row, SKColor color, float width)
    {
        var speed = options.PaperSpeedMmPerSecond;
        var (rise, fall) = (PulseStartSeconds * speed, (PulseStartSeconds + PulseSeconds) * speed);
        var (baseline, top) = (VoltageToMm(row, 0), VoltageToMm(row, PulseMillivolts));
        double[] xs = [rise / 2, rise, rise, fall, fall, leadInMm - (rise / 2)];
        double[] ys = [baseline, baseline, top, top, baseline, baseline];
        plot.Add.Plottable(new GappedPolyline(xs, ys, color, width));
    }

    private void AddRPeaks(Plot plot, EcgLead lead, int row, SKColor color)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var peak in overlays.RPeakSampleIndices)
        {
            var seconds = record.SamplingRate.SecondsAt(peak);
            if (peak >= 0 && peak < lead.Length && seconds >= startSeconds && seconds < endSeconds && double.IsFinite(lead.Span[peak]))
            {
                xs.Add(TimeToMm(seconds));
                ys.Add(VoltageToMm(row, lead.Span[peak]) + RPeakMarkerLiftMm);
            }
        }

        if (xs.Count > 0)
        {
            plot.Add.Markers(xs, ys, MarkerShape.FilledTriangleDown, (float)Pixels(RPeakMarkerMm), new Color(color));
        }
    }
}
