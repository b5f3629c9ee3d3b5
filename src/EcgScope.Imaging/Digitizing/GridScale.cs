namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// The printed grid found from its periodicity: pixels per millimetre, how clearly the grid repeats, and the grid's
/// extent in the (straightened) image.
/// </summary>
/// <param name="PixelsPerMillimeter">The grid's scale, the mean of its horizontal and vertical periods.</param>
/// <param name="Periodicity">The autocorrelation of the grid's projections at one period (0: no grid, 1: perfect).</param>
/// <param name="Anisotropy">Horizontal over vertical period; 1 for a flat, square grid.</param>
/// <param name="Left">The grid's left edge in pixels.</param>
/// <param name="Top">The grid's top edge in pixels.</param>
/// <param name="Right">The grid's right edge in pixels (exclusive).</param>
/// <param name="Bottom">The grid's bottom edge in pixels (exclusive).</param>
internal sealed record GridScale(double PixelsPerMillimeter, double Periodicity, double Anisotropy, int Left, int Top, int Right, int Bottom)
{
    /// <summary>Below this periodicity the grid is taken as not found.</summary>
    public const double MinimumPeriodicity = 0.1;

    /// <summary>
    /// Finds the grid's 5 mm period from the autocorrelation of the grid weights' row and column sums: at a shift of
    /// 5 mm both the heavy 5 mm lines and the 1 mm lines (or dots) fall on each other, at no shorter shift do both.
    /// The search runs over shifts that make the page 100 to 450 mm wide, so only 5 mm or its multiples can win; the
    /// shortest shift scoring near the best is taken.
    /// </summary>
    public static GridScale? Find(byte[] grid, int width, int height)
    {
        var columns = new double[width];
        var rows = new double[height];
        for (var y = 0; y < height; y++)
        {
            var offset = y * width;
            for (var x = 0; x < width; x++)
            {
                columns[x] += grid[offset + x];
                rows[y] += grid[offset + x];
            }
        }

        // Both axes share one scale: the page's width bounds the 5 mm period, and the two autocorrelations are averaged
        // to find it, so that text or a header rule on one axis does not decide it; each axis then refines its own.
        var shortest = Math.Max(3, (int)Math.Floor(5.0 * width / 450));
        var longest = (int)Math.Ceiling(5.0 * width / 100);
        var maxLag = Math.Min(Math.Min(width, height) / 2, Math.Max(longest + 2, 6 * shortest));
        if (maxLag <= shortest + 2)
        {
            return null;
        }

        // Lines drawn at whole pixels repeat exactly only every few millimetres (8 mm at 200 dpi): a slight blur keeps
        // that rounding from outweighing the heavier 5 mm lines.
        var blur = Math.Max(0, shortest / 10);
        var horizontal = Autocorrelation(Blur(HighPass(columns, longest), blur), maxLag);
        var vertical = Autocorrelation(Blur(HighPass(rows, longest), blur), maxLag);
        var both = horizontal.Zip(vertical, (a, b) => (a + b) / 2).ToArray();
        if (FivePeriod(both, shortest, Math.Min(longest, maxLag)) is not { } common)
        {
            return null;
        }

        var h = Refine(horizontal, common.Period, maxLag);
        var v = Refine(vertical, common.Period, maxLag);
        var (left, right) = Extent(columns, (h + v) / 10);
        var (top, bottom) = Extent(rows, (h + v) / 10);
        h = PhaseRefined(HighPass(columns, longest), h, left, right);
        v = PhaseRefined(HighPass(rows, longest), v, top, bottom);
        return new GridScale((h + v) / 10, common.Strength, h / v, left, top, right, bottom);
    }

    /// <summary>Whether a page <paramref name="width"/> pixels wide at this scale is 100 to 450 mm wide.</summary>
    public static bool IsPlausible(int width, double pixelsPerMillimetre) => width / pixelsPerMillimetre is >= 100 and <= 450;

    /// <summary>The shortest lag between <paramref name="shortest"/> and <paramref name="longest"/> whose correlation peaks near the best, and that correlation.</summary>
    private static (double Period, double Strength)? FivePeriod(double[] correlation, int shortest, int longest)
    {
        var peaks = Enumerable.Range(shortest, longest - shortest)
            .Where(lag => correlation[lag] > 0 && correlation[lag] >= correlation[lag - 1] && correlation[lag] >= correlation[lag + 1])
            .ToList();
        if (peaks.Count == 0)
        {
            return null;
        }

        var best = peaks.Max(lag => correlation[lag]);

        // Where the 1 mm lines are resolved (their period is a clear peak below the search), 5 mm is five of them; lines
        // drawn at whole pixels can make another multiple of 1 mm correlate as well as 5 mm does.
        var millimetre = Enumerable.Range(2, shortest - 2)
            .Where(lag => correlation[lag] >= 0.5 * best && correlation[lag] >= correlation[lag - 1] && correlation[lag] >= correlation[lag + 1])
            .Select(lag => RefinedPeak(correlation, lag, 0))
            .FirstOrDefault();
        var fiveMillimetres = peaks.Where(lag => Math.Abs(lag - (5 * millimetre)) <= 0.04 * 5 * millimetre && correlation[lag] >= 0.7 * best).ToList();
        var first = fiveMillimetres.Count > 0 ? fiveMillimetres.MaxBy(lag => correlation[lag]) : peaks.First(lag => correlation[lag] >= 0.85 * best);
        return (RefinedPeak(correlation, first, 1), correlation[first]);
    }

    /// <summary>The period to sub-pixel precision from the furthest multiple within reach: its error is shared among the periods.</summary>
    private static double Refine(double[] correlation, double period, int maxLag)
    {
        var multiple = Math.Max(1, (int)((maxLag - 2) / period));
        return RefinedPeak(correlation, (int)Math.Round(multiple * period), Math.Max(1, (int)(period / 12))) / multiple;
    }

    /// <summary>
    /// The 5 mm <paramref name="period"/> refined from the phase of the 1 mm lines along the grid: where the period is a
    /// little off, the lines' phase against it drifts steadily from one end of the grid to the other, and a straight
    /// line fitted to the phase of each 10 mm stretch measures that drift over the whole grid (the autocorrelation's
    /// peak is good to a tenth of a pixel or so over its lag; at 200 dpi one pixel is 2.5 samples at 500 Hz, and a
    /// 10 s trace is 2000 pixels long). The period is kept when the grid is too short or the fit moves it by more than
    /// 1 %, which a real grid's lines do not.
    /// </summary>
    private static double PhaseRefined(double[] detail, double period, int from, int to)
    {
        var frequency = 2 * Math.PI * 5 / period;
        var stretch = (int)Math.Round(2 * period);
        var count = (to - from) / Math.Max(1, stretch);
        if (count < 4)
        {
            return period;
        }

        // Per stretch: its centre, its phase (unwrapped against the previous one's) and its strength as the fit's weight.
        var (centres, phases, weights) = (new double[count], new double[count], new double[count]);
        for (var k = 0; k < count; k++)
        {
            double re = 0, im = 0;
            for (var x = from + (k * stretch); x < from + ((k + 1) * stretch); x++)
            {
                re += detail[x] * Math.Cos(frequency * x);
                im -= detail[x] * Math.Sin(frequency * x);
            }

            var phase = Math.Atan2(im, re);
            if (k > 0)
            {
                phase -= 2 * Math.PI * Math.Round((phase - phases[k - 1]) / (2 * Math.PI));
            }

            (centres[k], phases[k], weights[k]) = (from + ((k + 0.5) * stretch), phase, Math.Sqrt((re * re) + (im * im)));
        }

        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var k = 0; k < count; k++)
        {
            (sw, sx, sy) = (sw + weights[k], sx + (weights[k] * centres[k]), sy + (weights[k] * phases[k]));
            (sxx, sxy) = (sxx + (weights[k] * centres[k] * centres[k]), sxy + (weights[k] * centres[k] * phases[k]));
        }

        var spread = (sw * sxx) - (sx * sx);
        if (sw <= 0 || spread <= 0)
        {
            return period;
        }

        // A signal cos((ω + δ)x) read against ω has a phase that grows by δ per pixel.
        var drift = ((sw * sxy) - (sx * sy)) / spread;
        var refined = 2 * Math.PI * 5 / (frequency + drift);
        return Math.Abs(refined - period) <= 0.01 * period ? refined : period;
    }

    /// <summary>The highest lag within <paramref name="reach"/> of <paramref name="around"/>, refined by a parabola.</summary>
    private static double RefinedPeak(double[] correlation, int around, int reach)
    {
        var best = Math.Clamp(around, 1, correlation.Length - 2);
        for (var lag = Math.Max(1, around - reach); lag <= Math.Min(correlation.Length - 2, around + reach); lag++)
        {
            if (correlation[lag] > correlation[best])
            {
                best = lag;
            }
        }

        var (a, b, c) = (correlation[best - 1], correlation[best], correlation[best + 1]);
        var curvature = a - (2 * b) + c;
        return curvature < 0 ? best + (0.5 * (a - c) / curvature) : best;
    }

    /// <summary>
    /// The profile less its running mean over twice <paramref name="half"/>: what is left are the grid lines, without the
    /// slow change of how much of each row or column is grid. The heavier 5 mm lines must keep their weight: they tell
    /// 5 mm from other multiples of 1 mm.
    /// </summary>
    private static double[] HighPass(double[] profile, int half)
    {
        var prefix = new double[profile.Length + 1];
        for (var i = 0; i < profile.Length; i++)
        {
            prefix[i + 1] = prefix[i] + profile[i];
        }

        var detail = new double[profile.Length];
        for (var i = 0; i < profile.Length; i++)
        {
            var (from, to) = (Math.Max(0, i - half), Math.Min(profile.Length, i + half + 1));
            detail[i] = profile[i] - ((prefix[to] - prefix[from]) / (to - from));
        }

        // A border line around the grid, or one long rule, would outweigh every grid line: clip to the 98th percentile.
        var magnitudes = detail.Select(Math.Abs).Order().ToArray();
        var limit = magnitudes[(int)(0.98 * (magnitudes.Length - 1))];
        for (var i = 0; i < detail.Length; i++)
        {
            detail[i] = Math.Clamp(detail[i], -limit, limit);
        }

        return detail;
    }

    /// <summary>A triangular moving average reaching <paramref name="half"/> samples either way (none for 0).</summary>
    private static double[] Blur(double[] profile, int half)
    {
        var blurred = new double[profile.Length];
        for (var i = 0; i < profile.Length; i++)
        {
            double sum = 0, weights = 0;
            for (var k = -half; k <= half; k++)
            {
                if (i + k >= 0 && i + k < profile.Length)
                {
                    var weight = half + 1 - Math.Abs(k);
                    sum += weight * profile[i + k];
                    weights += weight;
                }
            }

            blurred[i] = sum / weights;
        }

        return blurred;
    }

    private static double[] Autocorrelation(double[] profile, int maxLag)
    {
        var energy = profile.Sum(value => value * value);
        var correlation = new double[maxLag + 2];
        if (energy <= 0)
        {
            return correlation;
        }

        for (var lag = 0; lag < correlation.Length; lag++)
        {
            double sum = 0;
            for (var i = 0; i + lag < profile.Length; i++)
            {
                sum += profile[i] * profile[i + lag];
            }

            // Unbiased: the overlap shrinks with the lag.
            correlation[lag] = sum / energy * profile.Length / (profile.Length - lag);
        }

        return correlation;
    }

    /// <summary>The first and last index (exclusive) where the profile, averaged over 5 mm, reaches half its typical grid level.</summary>
    private static (int From, int To) Extent(double[] profile, double pixelsPerMillimetre)
    {
        var half = Math.Max(1, (int)Math.Round(2.5 * pixelsPerMillimetre));
        var prefix = new double[profile.Length + 1];
        for (var i = 0; i < profile.Length; i++)
        {
            prefix[i + 1] = prefix[i] + profile[i];
        }

        var smoothed = new double[profile.Length];
        for (var i = 0; i < profile.Length; i++)
        {
            var (from, to) = (Math.Max(0, i - half), Math.Min(profile.Length, i + half + 1));
            smoothed[i] = (prefix[to] - prefix[from]) / (to - from);
        }

        // Half the typical level inside the grid (its 90th percentile), so that a header's text and rules stay outside.
        var threshold = smoothed.Order().ElementAt((int)(0.9 * (smoothed.Length - 1))) / 2;
        var first = Array.FindIndex(smoothed, value => value >= threshold);
        var last = Array.FindLastIndex(smoothed, value => value >= threshold);
        return (first, last + 1);
    }
}
