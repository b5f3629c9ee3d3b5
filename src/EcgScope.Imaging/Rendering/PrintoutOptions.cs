namespace EcgScope.Imaging.Rendering;

/// <summary>How <see cref="PrintoutRenderer"/> draws a page besides its layout.</summary>
public sealed record PrintoutOptions
{
    /// <summary>Defaults: 200 dpi, red grid, 0.3 mm pen, heart rate measured from the record.</summary>
    public static PrintoutOptions Default { get; } = new();

    /// <summary>Resolution in dots per inch; 200 dpi gives the genuine printouts' 2213 px wide page. From 50 to 600.</summary>
    public double DotsPerInch { get; init; } = 200;

    /// <summary>The grid's colours and line style.</summary>
    public GridStyle Grid { get; init; } = GridStyle.Red;

    /// <summary>The trace's pen width in millimetres (0.3 mm is about 2.4 px at 200 dpi).</summary>
    public double PenWidthMillimeters { get; init; } = 0.3;

    /// <summary>The title centred at the top of the page.</summary>
    public string Title { get; init; } = "ECG REPORT";

    /// <summary>The ID printed in the header; null takes the record's name where its source gives one.</summary>
    public string? PatientId { get; init; }

    /// <summary>The date printed in the header; null takes the record's start time, or prints none.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The heart rate printed in the footer (beats per minute); null measures it on the rhythm lead's R peaks.</summary>
    public double? HeartRateBpm { get; init; }

    /// <summary>The filter band the footer names, as machines print it. The renderer itself filters nothing.</summary>
    public string BandText { get; init; } = "0.05~150Hz";

    /// <summary>The mains filter the footer names.</summary>
    public string MainsText { get; init; } = "AC50";

    /// <summary>Pixels per millimetre at <see cref="DotsPerInch"/>.</summary>
    public double PixelsPerMillimeter => DotsPerInch / 25.4;
}
