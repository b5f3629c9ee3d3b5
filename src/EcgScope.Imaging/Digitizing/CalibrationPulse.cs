namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// The 1 mV calibration pulse ECG machines print left of a row: a rectangle rising from the baseline, flat on top for
/// about 0.2 s. Its height is the gain (10 mm at 10 mm/mV), its foot the row's 0 mV line.
/// </summary>
/// <param name="Right">The column of its falling edge.</param>
/// <param name="Foot">The pixel row of its foot (the centre of the line), the row's baseline.</param>
/// <param name="Height">From foot to top, centre to centre, in pixels.</param>
/// <param name="PenWidth">The thickness of its top line in pixels: the width of the pen that drew the page.</param>
internal sealed record CalibrationPulse(int Right, double Foot, double Height, int PenWidth)
{
    /// <summary>The pulse between columns <paramref name="from"/> and <paramref name="to"/>, or null if there is none.</summary>
    public static CalibrationPulse? Find(PageMasks masks, int from, int to, int top, int bottom, double pixelsPerMillimetre)
    {
        var width = to - from;
        if (width <= 0)
        {
            return null;
        }

        var highest = new int[width];
        var lowest = new int[width];
        for (var i = 0; i < width; i++)
        {
            (highest[i], lowest[i]) = (-1, -1);
            for (var y = top; y < bottom; y++)
            {
                if (masks.IsInk(from + i, y))
                {
                    highest[i] = highest[i] < 0 ? y : highest[i];
                    lowest[i] = y;
                }
            }
        }

        // The flat top: the longest run of columns whose highest ink stays within a quarter millimetre.
        var tolerance = Math.Max(1, 0.25 * pixelsPerMillimetre);
        var (bestStart, bestLength) = (0, 0);
        for (var start = 0; start < width; start++)
        {
            if (highest[start] < 0)
            {
                continue;
            }

            var end = start + 1;
            while (end < width && highest[end] >= 0 && Math.Abs(highest[end] - highest[start]) <= tolerance)
            {
                end++;
            }

            if (end - start > bestLength)
            {
                (bestStart, bestLength) = (start, end - start);
            }
        }

        if (bestLength < 2 * pixelsPerMillimetre || bestLength > 10 * pixelsPerMillimetre)
        {
            return null;
        }

        // The feet: the lowest ink within a millimetre either side of the top.
        var reach = (int)Math.Ceiling(pixelsPerMillimetre);
        var feet = Enumerable.Range(Math.Max(0, bestStart - reach), reach)
            .Concat(Enumerable.Range(bestStart + bestLength, reach).Where(i => i < width))
            .Where(i => lowest[i] >= 0)
            .ToList();
        if (feet.Count == 0)
        {
            return null;
        }

        var topLine = highest[bestStart];
        var thickness = Enumerable.Range(bestStart, bestLength).Select(i => InkRun(masks, from + i, topLine, step: 1)).Order().ElementAt(bestLength / 2);

        // The foot is the centre of the foot line's own run of ink: an anti-aliased line is 2 or 3 pixels thick by where
        // it falls between pixel rows, so the top line's thickness would put it half a pixel off. Columns of the rising
        // and falling edges, whose ink runs up to the top, are left out.
        var lowestFoot = feet.Max(i => lowest[i]);
        var footCentres = feet
            .Where(i => lowest[i] >= lowestFoot - 1)
            .Select(i => (Bottom: lowest[i], Run: InkRun(masks, from + i, lowest[i], step: -1)))
            .Where(foot => foot.Run <= 2 * thickness)
            .Select(foot => foot.Bottom - ((foot.Run - 1) / 2.0))
            .Order()
            .ToList();
        var foot = footCentres.Count > 0 ? footCentres[footCentres.Count / 2] : lowestFoot - ((thickness - 1) / 2.0);
        var height = foot - (topLine + ((thickness - 1) / 2.0));
        return height >= 3 * pixelsPerMillimetre ? new CalibrationPulse(from + bestStart + bestLength, foot, height, thickness) : null;
    }

    /// <summary>How many pixels of ink run from row <paramref name="y"/> of column <paramref name="x"/> on, downwards (<paramref name="step"/> 1) or upwards (−1).</summary>
    private static int InkRun(PageMasks masks, int x, int y, int step)
    {
        var end = y;
        while (end >= 0 && end < masks.Height && masks.IsInk(x, end))
        {
            end += step;
        }

        return (end - y) * step;
    }
}
