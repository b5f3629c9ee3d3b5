namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Finds how far a printout is rotated from the angle of its grid lines: the angle at which the grid's pixels,
/// projected onto the vertical axis, pile up into the sharpest peaks (horizontal lines give one tall peak each).
/// </summary>
internal static class SkewEstimator
{
    /// <summary>The largest rotation searched, in degrees either way.</summary>
    public const double MaxDegrees = 6;

    /// <summary>A grid weight below this is paper noise.</summary>
    private const int MinimumWeight = 12;

    /// <summary>The rotation in degrees, in OpenCV's sense (positive: anticlockwise), that straightens the lines of <paramref name="weights"/> (a grid weight or ink mask).</summary>
    public static double Estimate(byte[] weights, int width, int height, CancellationToken cancellationToken)
    {
        // About 200 000 sampled pixels keep the search fast on any page size. Every row is sampled, and columns at a
        // stride: rows at a stride would put every sample on a few projected bins at 0° only, and the search would
        // prefer 0° to the page's angle.
        var step = Math.Max(1, (int)(width * (double)height / 200_000));
        var xs = new List<int>();
        var ys = new List<int>();
        var threshold = weights.AsSpan().ContainsAnyExceptInRange((byte)0, (byte)1) ? MinimumWeight : 1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x += step)
            {
                if (weights[(y * width) + x] >= threshold)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        if (xs.Count < 1000)
        {
            return 0;
        }

        // A line piles into one bin only within about two pixels over its length of the right angle: 0.05° across a
        // 2000 px page, so a coarse search over the whole page steps past it. The coarse search looks at the middle
        // fifth of the page's width, where lines are short enough to pile up within a tenth of a degree; the finer
        // ones at the whole page.
        var bins = new double[height + (2 * width)];
        var middle = Enumerable.Range(0, xs.Count).Where(i => Math.Abs(xs[i] - (width / 2.0)) < width / 10.0).ToList();
        var best = Search([.. middle.Select(i => xs[i])], [.. middle.Select(i => ys[i])], width, bins, -MaxDegrees, MaxDegrees, 0.1, cancellationToken);
        best = Search(xs, ys, width, bins, best - 0.1, best + 0.1, 0.02, cancellationToken);
        best = Search(xs, ys, width, bins, best - 0.02, best + 0.02, 0.005, cancellationToken);

        // Lines of slope -tan(best) are straightened by OpenCV's rotation (anticlockwise positive) of -best.
        return -best;
    }

    private static double Search(List<int> xs, List<int> ys, int width, double[] bins, double from, double to, double step, CancellationToken cancellationToken)
    {
        var (bestAngle, bestScore) = (0.0, double.MinValue);
        for (var angle = from; angle <= to + 1e-9; angle += step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var score = Sharpness(xs, ys, width, bins, Math.Tan(angle * Math.PI / 180));
            if (score > bestScore || (score == bestScore && Math.Abs(angle) < Math.Abs(bestAngle)))
            {
                (bestAngle, bestScore) = (angle, score);
            }
        }

        return bestAngle;
    }

    /// <summary>The sum of squared bin counts of y + x·tan(angle): largest when the lines run along the bins.</summary>
    private static double Sharpness(List<int> xs, List<int> ys, int width, double[] bins, double tangent)
    {
        Array.Clear(bins);
        for (var i = 0; i < xs.Count; i++)
        {
            var bin = (int)Math.Round(ys[i] + width + (xs[i] * tangent));
            bins[bin]++;
        }

        double sum = 0;
        foreach (var count in bins)
        {
            sum += count * count;
        }

        return sum;
    }
}
