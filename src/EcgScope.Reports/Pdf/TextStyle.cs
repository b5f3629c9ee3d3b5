using SkiaSharp;

namespace EcgScope.Reports.Pdf;

/// <summary>How a line of report text looks: size in points, weight and colour.</summary>
internal readonly record struct TextStyle(float SizePoints, bool Bold, SKColor Color)
{
    /// <summary>Body text.</summary>
    public static TextStyle Body { get; } = new(9, false, SKColors.Black);

    /// <summary>Labels and table headings.</summary>
    public static TextStyle Label { get; } = new(9, true, SKColors.Black);

    /// <summary>Small print: notes, the footer.</summary>
    public static TextStyle Small { get; } = new(7.5f, false, new SKColor(60, 60, 60));

    /// <summary>Small print in bold: the page number.</summary>
    public static TextStyle SmallLabel { get; } = Small with { Bold = true, Color = SKColors.Black };

    /// <summary>A section's heading.</summary>
    public static TextStyle Heading { get; } = new(12, true, SKColors.Black);

    /// <summary>The report's title.</summary>
    public static TextStyle Title { get; } = new(18, true, SKColors.Black);

    /// <summary>The distance from one baseline to the next, in points.</summary>
    public float LineHeight => SizePoints * 1.3f;
}
