using ScottPlot;
using SkiaSharp;

namespace EcgScope.Reports.Charts;

/// <summary>The font of every chart's and report's text, loaded once from a file.</summary>
/// <remarks>
/// SkiaSharp finds no font by family name on the machines EcgScope runs on (no fontconfig match), so text would be
/// drawn with an empty typeface. DejaVu Sans (Debian's fonts-dejavu-core) is loaded from its file instead. It is
/// not ours to ship, so where that file is absent the charts fall back to ScottPlot's default font, which may draw
/// no text at all: install fonts-dejavu-core.
/// </remarks>
internal static class ChartFonts
{
    private const string DejaVuFolder = "/usr/share/fonts/truetype/dejavu/";
    private const string DejaVuSansPath = DejaVuFolder + "DejaVuSans.ttf";
    private const string DejaVuSansBoldPath = DejaVuFolder + "DejaVuSans-Bold.ttf";
    private const string DejaVuSans = "DejaVu Sans";

    private static readonly Lazy<string?> LoadedFamily = new(Load);

    /// <summary>DejaVu Sans (or its bold face) for text drawn straight onto a canvas; SkiaSharp's default typeface where the file is absent.</summary>
    /// <remarks>
    /// The very typeface the charts use (ScottPlot caches it), so a PDF holding both charts and text embeds the font
    /// once. Shared for the process's lifetime: do not dispose it.
    /// </remarks>
    public static SKTypeface Typeface(bool bold) =>
        LoadedFamily.Value is { } family ? Fonts.GetTypeface(family, bold, italic: false) : SKTypeface.Default;

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
        if (File.Exists(DejaVuSansBoldPath))
        {
            Fonts.AddFontFile(DejaVuSans, DejaVuSansBoldPath, bold: true, italic: false);
        }

        return DejaVuSans;
    }
}
