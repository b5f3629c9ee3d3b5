using EcgScope.Imaging.Digitizing;
using OpenCvSharp;

namespace EcgScope.Imaging.Footer;

/// <summary>
/// Reads the heart rate the ECG machine printed in the footer below the grid, the number after the heart symbol
/// (<c>0.67~25Hz AC50 25mm/s 10mm/mV 4*2.5s+1r ♥77  SE-3 V1.0 ...</c>), on printouts of the machine behind the "ECG
/// Images dataset of Cardiac Patients" (<see cref="FooterGlyphs"/>). The page is scaled to the width the glyphs were
/// cut at; the heart symbol is the best match of its template in the footer line, below the grid at the bottom of the
/// page (looking for the heart there, rather than for the lowest line of text, survives traces that reach down to the
/// footer); and the digits after it are read without cutting them apart (at 80 dpi they are 7 px tall and touch):
/// each digit template is matched at each position of the font's fixed pitch, within a pixel either way, and a
/// position's digit is the template that matches best, when it matches well and clearly better than any other digit.
/// </summary>
public static class PrintedHeartRateReader
{
    /// <summary>The least normalised correlation with the heart template that counts as the heart symbol.</summary>
    public const double MinimumHeartMatch = 0.7;

    /// <summary>The least correlation of a digit with its best template.</summary>
    public const double MinimumDigitMatch = 0.6;

    /// <summary>The least lead of a digit's best template over the best template of any other digit.</summary>
    public const double MinimumDigitMargin = 0.08;

    /// <summary>
    /// A digit cell holds a digit when one of its columns averages darker than this grey (0 to 255) over the digit's
    /// rows: digits give 100 to 210 (a thin "1" split over two columns the lightest), blank paper 230 or more, also
    /// where the digit before reaches in.
    /// </summary>
    private const double InkColumnLevel = 220;

    /// <summary>The heart symbol is looked for in this bottom part of the page, below the grid.</summary>
    private const double FooterSearchFraction = 0.12;

    /// <summary>The page heights read, at the reference width, in pixels: from one whose bottom part can hold the heart template to a tall portrait page.</summary>
    private const int MinimumPageHeight = 100, MaximumPageHeight = 2 * FooterGlyphs.ReferenceWidth;

    /// <summary>A rate has two or three digits (the text after it starts at a fixed place, close after a third digit).</summary>
    private const int MaximumDigits = 3;

    /// <summary>Reads the printed heart rate from an encoded image (PNG, JPEG, ...).</summary>
    /// <exception cref="Core.EcgFormatException">The bytes are not an image, or one too large.</exception>
    public static PrintedHeartRate Read(ReadOnlySpan<byte> encoded, string name)
    {
        using var image = PrintoutDigitizer.Decode(encoded, name);
        return Read(image);
    }

    /// <summary>Reads the printed heart rate from a decoded page: 8-bit BGR (as <see cref="PrintoutDigitizer.Decode"/> gives it) or grey.</summary>
    /// <returns>The rate, or null with the reason when there is no heart symbol at the bottom of the page or the digits after it are not clear.</returns>
    /// <exception cref="ArgumentException">The image is not 8-bit grey or BGR.</exception>
    public static PrintedHeartRate Read(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var height = ReferenceHeight(image);
        if (height is < MinimumPageHeight or > MaximumPageHeight)
        {
            return PrintedHeartRate.Unread(FormattableString.Invariant($"the image is {image.Cols}x{image.Rows} px: at {FooterGlyphs.ReferenceWidth} px wide it would be {height} px tall, not the shape of a printout page with a footer"));
        }

        using var page = ReferenceGrey(image);
        var (heart, heartMatch) = FindHeart(page);
        return heartMatch >= MinimumHeartMatch
            ? ReadDigits(page, heart, heartMatch)
            : PrintedHeartRate.Unread(FormattableString.Invariant($"no heart symbol in the footer at the bottom of the page (best match {heartMatch:0.00}, at least {MinimumHeartMatch:0.00} needed)"), heartMatch);
    }

    /// <summary>The page as 32-bit float grey, scaled to <see cref="FooterGlyphs.ReferenceWidth"/>.</summary>
    internal static Mat ReferenceGrey(Mat image)
    {
        if (image.Depth() != MatType.CV_8U || image.Channels() is not (1 or 3))
        {
            throw new ArgumentException($"an 8-bit grey or BGR image is read, not {image.Type()}", nameof(image));
        }

        using var grey = image.Channels() == 1 ? image.Clone() : image.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var sized = new Mat();
        Cv2.Resize(grey, sized, new Size(FooterGlyphs.ReferenceWidth, (int)ReferenceHeight(image)), 0, 0, image.Cols > FooterGlyphs.ReferenceWidth ? InterpolationFlags.Area : InterpolationFlags.Linear);
        var page = new Mat();
        sized.ConvertTo(page, MatType.CV_32FC1);
        return page;
    }

    /// <summary>The image's height once scaled to <see cref="FooterGlyphs.ReferenceWidth"/>, in pixels.</summary>
    private static long ReferenceHeight(Mat image) => (long)Math.Round(image.Rows * (double)FooterGlyphs.ReferenceWidth / Math.Max(1, image.Cols));

    /// <summary>Where the heart template matches the bottom of the page best (its top left corner) and how well.</summary>
    internal static (Point Corner, double Match) FindHeart(Mat page)
    {
        var top = (int)(page.Rows * (1 - FooterSearchFraction));
        using var bottom = new Mat(page, new Rect(0, top, page.Cols, page.Rows - top));
        using var matches = new Mat();
        Cv2.MatchTemplate(bottom, FooterGlyphs.Heart, matches, TemplateMatchModes.CCoeffNormed);
        Cv2.MinMaxLoc(matches, out _, out double best, out _, out Point corner);
        return (new Point(corner.X, corner.Y + top), best);
    }

    private static PrintedHeartRate ReadDigits(Mat page, Point heart, double heartMatch)
    {
        var count = 0;
        while (count < MaximumDigits && HoldsDigit(page, DigitCorner(heart, count)))
        {
            count++;
        }

        if (count < 2)
        {
            return PrintedHeartRate.Unread(count == 0 ? "no digits after the heart symbol" : "a single digit after the heart symbol", heartMatch);
        }

        var bpm = 0;
        double lowestMatch = double.PositiveInfinity, lowestMargin = double.PositiveInfinity;
        for (var position = 0; position < count; position++)
        {
            var matches = DigitMatches(page, DigitCorner(heart, position));
            if (matches is null)
            {
                return PrintedHeartRate.Unread("the footer line runs off the page after the heart symbol", heartMatch);
            }

            var ranked = Enumerable.Range(0, 10).OrderByDescending(digit => matches[digit]).ToArray();
            var (digit, match, margin) = (ranked[0], matches[ranked[0]], matches[ranked[0]] - matches[ranked[1]]);
            (lowestMatch, lowestMargin) = (Math.Min(lowestMatch, match), Math.Min(lowestMargin, margin));
            if (match < MinimumDigitMatch || margin < MinimumDigitMargin)
            {
                return PrintedHeartRate.Unread(
                    FormattableString.Invariant($"digit {position + 1} after the heart symbol is not clear: {digit} matches {match:0.00}, {ranked[1]} {matches[ranked[1]]:0.00} (at least {MinimumDigitMatch:0.00}, and {MinimumDigitMargin:0.00} ahead, needed)"),
                    heartMatch,
                    lowestMatch,
                    lowestMargin);
            }

            if (position == 0 && digit == 0)
            {
                return PrintedHeartRate.Unread("the number after the heart symbol starts with a zero", heartMatch, lowestMatch, lowestMargin);
            }

            bpm = (bpm * 10) + digit;
        }

        return new PrintedHeartRate(bpm, null, heartMatch, lowestMatch, lowestMargin);
    }

    /// <summary>The top left corner of the digit template at <paramref name="position"/> (0 first) after the heart.</summary>
    private static Point DigitCorner(Point heart, int position) =>
        new(heart.X + FooterGlyphs.FirstDigitOffset + (position * FooterGlyphs.DigitPitch), heart.Y);

    /// <summary>
    /// Whether the digit cell holds a digit. Its first column is left out (the digit before reaches into it), and so is
    /// the template's top row, blank paper above the digits.
    /// </summary>
    private static bool HoldsDigit(Mat page, Point corner)
    {
        var cell = new Rect(corner.X + 1, corner.Y + 1, FooterGlyphs.DigitPitch - 1, FooterGlyphs.DigitArt[0].Length - 1);
        if (!Inside(page, cell))
        {
            return false;
        }

        using var pixels = new Mat(page, cell);
        using var columnMeans = new Mat();
        Cv2.Reduce(pixels, columnMeans, ReduceDimension.Row, ReduceTypes.Avg, MatType.CV_32FC1.Depth);
        Cv2.MinMaxLoc(columnMeans, out double darkestColumn, out _);
        return darkestColumn < InkColumnLevel;
    }

    /// <summary>Each digit's best correlation at the position, within a pixel either way and over its sub-pixel phases; null off the page.</summary>
    private static double[]? DigitMatches(Mat page, Point corner)
    {
        var glyph = FooterGlyphs.Digits[0][0];
        var area = new Rect(corner.X - 1, corner.Y - 1, glyph.Cols + 2, glyph.Rows + 2);
        if (!Inside(page, area))
        {
            return null;
        }

        using var pixels = new Mat(page, area);
        using var correlation = new Mat();
        var matches = new double[10];
        for (var digit = 0; digit < 10; digit++)
        {
            matches[digit] = double.NegativeInfinity;
            foreach (var phase in FooterGlyphs.Digits[digit])
            {
                Cv2.MatchTemplate(pixels, phase, correlation, TemplateMatchModes.CCoeffNormed);
                Cv2.MinMaxLoc(correlation, out _, out double best);
                matches[digit] = Math.Max(matches[digit], best);
            }
        }

        return matches;
    }

    private static bool Inside(Mat page, Rect area) =>
        area.X >= 0 && area.Y >= 0 && area.Right <= page.Cols && area.Bottom <= page.Rows;
}
