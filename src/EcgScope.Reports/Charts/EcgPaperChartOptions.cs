using System.Collections.Immutable;
using SkiaSharp;

namespace EcgScope.Reports.Charts;

/// <summary>How an <see cref="EcgPaperChart"/> lays out ECG paper, and which part of the record it shows.</summary>
public sealed record EcgPaperChartOptions
{
    /// <summary>Paper speed, in millimetres per second (25 is the clinical standard, 50 for detail).</summary>
    public double PaperSpeedMmPerSecond { get; init; } = 25;

    /// <summary>Gain, in millimetres per millivolt (10 is the clinical standard).</summary>
    public double GainMmPerMillivolt { get; init; } = 10;

    /// <summary>Image resolution, in pixels per millimetre of paper (4 draws a 30 s strip 3000 px wide at 25 mm/s).</summary>
    public double PixelsPerMm { get; init; } = 4;

    /// <summary>Height of each lead's row, in millimetres; the lead's 0 mV baseline runs through its middle.</summary>
    public double RowHeightMm { get; init; } = 30;

    /// <summary>The leads to draw, one row each in this order (names match case-insensitively); empty draws every lead.</summary>
    public ImmutableArray<string> Leads { get; init; } = [];

    /// <summary>The first moment drawn, in seconds from the record's start.</summary>
    public double StartSeconds { get; init; }

    /// <summary>How many seconds to draw from <see cref="StartSeconds"/>; null (or more than is left) draws to the record's end.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The time axis's title, followed on the chart by the paper speed and gain (give it in the reader's language).</summary>
    public string TimeAxisTitle { get; init; } = "Time (s)";

    /// <summary>The colours of paper, trace and overlays.</summary>
    public EcgPaperColors Colors { get; init; } = EcgPaperColors.Classic;
}

/// <summary>The colours of an <see cref="EcgPaperChart"/>.</summary>
/// <param name="Paper">The paper's background.</param>
/// <param name="MinorGrid">The 1 mm grid lines.</param>
/// <param name="MajorGrid">The 5 mm grid lines.</param>
/// <param name="Trace">The ECG trace and its calibration pulse.</param>
/// <param name="Text">Lead names and the time axis.</param>
/// <param name="Relevance">Relevance shading: drawn with opacity proportional to each bin's score (up to about half opaque).</param>
/// <param name="RelevantStretch">The outline of the most relevant stretches.</param>
/// <param name="Noise">Shading of noisy spans (give it its own opacity).</param>
/// <param name="RPeak">R-peak markers.</param>
public sealed record EcgPaperColors(
    SKColor Paper,
    SKColor MinorGrid,
    SKColor MajorGrid,
    SKColor Trace,
    SKColor Text,
    SKColor Relevance,
    SKColor RelevantStretch,
    SKColor Noise,
    SKColor RPeak)
{
    /// <summary>Classic ECG paper: pale pink with red grid lines and a black trace; orange-red relevance, grey noise.</summary>
    public static EcgPaperColors Classic { get; } = new(
        Paper: new SKColor(255, 246, 246),
        MinorGrid: new SKColor(245, 190, 190),
        MajorGrid: new SKColor(225, 95, 95),
        Trace: SKColors.Black,
        Text: SKColors.Black,
        Relevance: new SKColor(255, 80, 0),
        RelevantStretch: new SKColor(200, 30, 0),
        Noise: new SKColor(90, 90, 90, 70),
        RPeak: new SKColor(0, 70, 200));
}
