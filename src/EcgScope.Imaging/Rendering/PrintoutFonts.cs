using SkiaSharp;

namespace EcgScope.Imaging.Rendering;

/// <summary>The printout's typeface, loaded once from its file.</summary>
/// <remarks>
/// SkiaSharp finds no font by family name on the machines EcgScope runs on (no fontconfig match), so DejaVu Sans
/// (Debian's fonts-dejavu-core) is loaded from its file; where that file is absent SkiaSharp's default typeface is
/// used, which may draw no text at all.
/// </remarks>
internal static class PrintoutFonts
{
    private const string DejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static readonly Lazy<SKTypeface> Loaded = new(() =>
        File.Exists(DejaVuSansPath) ? SKTypeface.FromFile(DejaVuSansPath) ?? SKTypeface.Default : SKTypeface.Default);

    /// <summary>DejaVu Sans, shared for the process's lifetime: do not dispose it.</summary>
    public static SKTypeface Typeface => Loaded.Value;
}
