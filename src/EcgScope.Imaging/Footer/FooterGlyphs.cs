using OpenCvSharp;

namespace EcgScope.Imaging.Footer;

/// <summary>
/// The heart symbol and the digits 0–9 of the footer font of the ECG machine behind the "ECG Images dataset of Cardiac
/// Patients" (a Times-like serif whose digits all advance by the same width), as they appear on the dataset's 40 %
/// copies (885 px wide, about 80 dpi). Each glyph is the mean grey of its instances in the footers of 56 of those
/// copies whose rates were read by eye (the tests' <c>GenuineFooters.TemplatePages</c>; <c>PrintedHeartRateReaderTests</c>
/// checks that these values are that mean, placed where the reader finds the heart); one hexadecimal character per
/// pixel, 0 black to F white (the grey level divided by 17, rounded).
/// </summary>
internal static class FooterGlyphs
{
    /// <summary>The page width, in pixels, the glyphs were cut at; other pages are scaled to it before reading.</summary>
    public const int ReferenceWidth = 885;

    /// <summary>How far right of the heart template's left edge the first digit template lies, in pixels.</summary>
    public const int FirstDigitOffset = 7;

    /// <summary>The digits' advance, in pixels (10 px at the 200 dpi of the full pages).</summary>
    public const int DigitPitch = 4;

    /// <summary>The heart symbol, with the rows above and below it (8 x 8).</summary>
    public static readonly string[] HeartArt =
        ["FFEFFFFF", "FEDDEBEE", "F506409D", "E402108D", "F70010AD", "FE3108FC", "EED24EFD", "FFFEFFFE"];

    /// <summary>The digits 0 to 9 (5 x 8 each: one column more than the pitch, as neighbouring digits touch).</summary>
    public static readonly string[][] DigitArt =
    [
        ["FFFFF", "EC9CE", "C8D7D", "87E9A", "56E89", "97E89", "B7B8D", "FBBDF"],
        ["FFFFF", "DAEFD", "C6EFB", "EAEFB", "EAEEC", "EAEEC", "E9DEC", "EADFD"],
        ["FFFFF", "D86CF", "BA76E", "EFC7D", "FFBBF", "FEDFF", "D678C", "C889E"],
        ["FFEFF", "D89EE", "CB78F", "FEAAD", "EB6AD", "EFC5D", "DCBAE", "C9CEE"],
        ["FFFEF", "DEDBF", "ED99F", "DBBAF", "DBDBE", "9797D", "EEDAE", "FFEDF"],
        ["FFFFF", "FC58E", "F8BDF", "D47FE", "FE97D", "EFE5D", "DCCBF", "D9AEF"],
        ["FFFEF", "EFDBE", "E8BFE", "C5BDE", "86B6D", "8AF99", "B8DAD", "FCBDF"],
        ["FFFEF", "E656C", "D9B5C", "FFE8E", "FFABE", "FF8DD", "FE9EE", "FECFE"],
        ["FFFFF", "EA8CE", "CAD9E", "B5BDD", "D63DD", "AAB5D", "A9D8D", "EBDEE"],
        ["FFFFF", "FB8CF", "C9D5D", "8AE7A", "C5C59", "EDB5D", "FE7BF", "FCBFE"],
    ];

    /// <summary>The heart template as 32-bit float grey.</summary>
    public static Mat Heart { get; } = ToMat(HeartArt);

    /// <summary>
    /// Each digit's template at three sub-pixel phases (shifted by −½, 0 and +½ px): the footer text before the rate
    /// differs from page to page ("Lead Off" or not), so the rate's digits fall at different fractions of a pixel.
    /// </summary>
    public static IReadOnlyList<Mat[]> Digits { get; } = [.. DigitArt.Select(art => new[] { Shifted(art, -0.5), ToMat(art), Shifted(art, 0.5) })];

    /// <summary>Glyph art as a float Mat: each character's hexadecimal value times 17 (0 to 255).</summary>
    public static Mat ToMat(string[] art)
    {
        var glyph = new Mat(art.Length, art[0].Length, MatType.CV_32FC1);
        for (var row = 0; row < art.Length; row++)
        {
            for (var column = 0; column < art[row].Length; column++)
            {
                glyph.Set(row, column, Convert.ToInt32(art[row][column].ToString(), 16) * 17f);
            }
        }

        return glyph;
    }

    private static Mat Shifted(string[] art, double pixels)
    {
        using var glyph = ToMat(art);
        using var shift = Mat.FromArray(new float[,] { { 1, 0, (float)pixels }, { 0, 1, 0 } });
        var shifted = new Mat();
        Cv2.WarpAffine(glyph, shifted, shift, glyph.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        return shifted;
    }
}
