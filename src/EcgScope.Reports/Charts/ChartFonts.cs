using ScottPlot;

namespace EcgScope.Reports.Charts;

/// <summary>The font of every chart's text, loaded once from a file.</summary>
/// <remarks>
/// SkiaSharp finds no font by family name on the machines EcgScope runs on (no fontconfig match), so text would be
/// drawn with an empty typeface. DejaVu Sans (Debian's fonts-dejavu-core) is loaded from its file instead. It is
/// not ours to ship, so where that file is absent the charts fall back to ScottPlot's default font, which may draw
/// no text at all: install fonts-dejavu-core.
/// </remarks>
internal static class ChartFonts
{
    private const string DejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string DejaVuSans = "DejaVu Sans";

    private static readonly Lazy<string?> LoadedFamily = new(Load);

    /// <summary>Sets the plot's font to DejaVu Sans where it is installed; leaves ScottPlot's default otherwise.</summary>
    public static void Apply(Plot plot)
    {
        if (LoadedFamily.Value is { } family)
        {
            plot.Font.Set(family);
        }
    }

    private static string? Load()
    {
        if (!File.Exists(DejaVuSansPath))
        {
            return null;
        }

        Fonts.AddFontFile(DejaVuSans, DejaVuSansPath, bold: false, italic: false);
        return DejaVuSans;
    }
}
