using System.Globalization;
using System.IO.Compression;
using System.Text;
using WinAnsiEncoding = UglyToad.PdfPig.Fonts.Encodings.WinAnsiEncoding;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace EcgScope.Formats.Pdf.Tests;

/// <summary>
/// Writes a one-page PDF 1.3 by hand: one Flate-compressed content stream, page, pages, three fonts, catalog, then the
/// Info dictionary, then the colour profile and an embedded font program (18 kB) that put the Info dictionary more than
/// 16 kB before the end of the file, as in genuine exports, then the xref table and trailer.
/// </summary>
internal static class RawPdfWriter
{
    /// <summary>
    /// ToUnicode CMap of font F3 (F1 is Helvetica, F2 Helvetica-Bold). Apple's subset fonts map their codes this way;
    /// here 0x20 is the narrow no-break space (U+202F), 0x97 the em dash, 0x95 the bullet.
    /// </summary>
    private const string ToUnicodeCMap = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <00> <FF>
        endcodespacerange
        4 beginbfchar
        <20> <202F>
        <3A> <003A>
        <95> <2022>
        <97> <2014>
        endbfchar
        endcmap
        CMapName currentdict /CMapResource defineresource pop
        end
        end
        """;

    /// <summary>The file's bytes.</summary>
    /// <param name="content">The page content, uncompressed.</param>
    /// <param name="width">Page width in points.</param>
    /// <param name="height">Page height in points.</param>
    /// <param name="producer">The Info dictionary's /Producer.</param>
    /// <param name="contentKept">Fraction of the compressed content stream written (its /Length fits): 1 for a whole file, less for a truncated stream.</param>
    public static byte[] Write(string content, double width, double height, string producer, double contentKept = 1)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes(content));
        }

        var cmap = Encoding.ASCII.GetBytes(ToUnicodeCMap);
        var output = new MemoryStream();
        var offsets = new List<long>();

        void Text(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        void BeginObject() { offsets.Add(output.Position); Text(Invariant($"{offsets.Count} 0 obj\n")); }
        void Stream(string dictionary, byte[] data)
        {
            BeginObject();
            Text(Invariant($"<< {dictionary}/Length {data.Length} >>\nstream\n"));
            output.Write(data);
            Text("\nendstream\nendobj\n");
        }

        Text("%PDF-1.3\n%\u00C4\u00E5\u00F2\u00E5\u00EB\u00A7\u00F3\u00A0\u00D0\u00C4\u00C6\n");
        Stream("/Filter /FlateDecode ", compressed.ToArray()[..(int)(compressed.Length * contentKept)]); // 1
        BeginObject(); // 2: page
        Text(Invariant($"<< /Type /Page /Parent 3 0 R /Resources 4 0 R /Contents 1 0 R /MediaBox [0 0 {Number(width)} {Number(height)}] >>\nendobj\n"));
        BeginObject(); // 3: pages
        Text("<< /Type /Pages /MediaBox [0 0 " + Number(width) + " " + Number(height) + "] /Count 1 /Kids [ 2 0 R ] >>\nendobj\n");
        BeginObject(); // 4: resources
        Text("<< /ProcSet [ /PDF /Text ] /ColorSpace << /Cs1 12 0 R >> /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >>\nendobj\n");
        BeginObject(); // 5
        Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
        BeginObject(); // 6
        Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n");
        BeginObject(); // 7: a TrueType font like Apple's subsets, so that readers honour its ToUnicode map
        Text("<< /Type /Font /Subtype /TrueType /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths ["
            + HelveticaWidths() + "] /FontDescriptor 10 0 R /ToUnicode 8 0 R >>\nendobj\n");
        Stream(string.Empty, cmap); // 8
        BeginObject(); // 9: catalog
        Text("<< /Type /Catalog /Pages 3 0 R >>\nendobj\n");
        BeginObject(); // 10: descriptor of font 7
        Text("<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 1000 931] /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 /FontFile2 14 0 R >>\nendobj\n");
        BeginObject(); // 11: info, after the fonts as in Quartz output
        Text("<< /Producer (" + EscapeString(producer) + ") /CreationDate (D:20250302094112Z00'00') /ModDate (D:20250302094112Z00'00') >>\nendobj\n");
        BeginObject(); // 12: Quartz's usual RGB colour space, /Cs1; the profile is a placeholder, readers use the alternate
        Text("[ /ICCBased 13 0 R ]\nendobj\n");
        Stream("/N 3 /Alternate /DeviceRGB ", new byte[128]); // 13
        Stream("/Length1 " + EmbeddedFontLength.ToString(CultureInfo.InvariantCulture) + " ", EmbeddedFontProgram()); // 14
        var xref = output.Position;
        Text(Invariant($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            Text(Invariant($"{offset:D10} 00000 n \n"));
        }

        Text(Invariant($"trailer\n<< /Size {offsets.Count + 1} /Root 9 0 R /Info 11 0 R /ID [ <6a1f2b> <6a1f2b> ] >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    /// <summary>Size of the stand-in for Apple's embedded font subset: genuine exports end 17 kB after the Info dictionary starts.</summary>
    private const int EmbeddedFontLength = 18 * 1024;

    /// <summary>
    /// Stands in for the subset font program Apple embeds: fixed pseudo-random bytes (seeded, so every file is the same),
    /// as incompressible as a real font's outlines. PdfPig does not need it to decode text: widths and ToUnicode come
    /// from the font dictionary.
    /// </summary>
    private static byte[] EmbeddedFontProgram()
    {
        var bytes = new byte[EmbeddedFontLength];
        new Random(1970).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Helvetica's advance widths for WinAnsi codes 32 to 255, from PdfPig's copy of Adobe's metrics.</summary>
    private static string HelveticaWidths()
    {
        var metrics = Standard14.GetAdobeFontMetrics(Standard14Font.Helvetica);
        return string.Join(' ', Enumerable.Range(32, 224).Select(code =>
            metrics.CharacterMetrics.TryGetValue(WinAnsiEncoding.Instance.GetName(code), out var metric) ? Number(metric.Width.X) : "0"));
    }

    /// <summary>A PDF number with at most 7 significant digits and no exponent, as Quartz writes them.</summary>
    public static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var digitsBeforePoint = Math.Max(1, (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1);
        var decimals = Math.Clamp(7 - digitsBeforePoint, 0, 7);
        var text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.#######", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Escapes a PDF literal string; characters are written as Latin-1 bytes.</summary>
    public static string EscapeString(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("(", "\\(", StringComparison.Ordinal)
            .Replace(")", "\\)", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
