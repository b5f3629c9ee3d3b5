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
        // About 200 000 sampled pixels keep the search under a few tens of milliseconds on any page size.
        var step = Math.Max(1, (int)Math.Sqrt(width * (double)height / 200_000));
        var xs = new List<int>();
        var ys = new List<int>();
        var threshold = weights.AsSpan().ContainsAnyExceptInRange((byte)0, (byte)1) ? MinimumWeight : 1;
        for (var y = 0; y < height; y += step)
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

        var bins = new double[height + (2 * width)];
        var best = Search(xs, ys, width, bins, -MaxDegrees, MaxDegrees, 0.5, cancellationToken);
        best = Search(xs, ys, width, bins, best - 0.5, best + 0.5, 0.1, cancellationToken);
        best = Search(xs, ys, width, bins, best - 0.1, best + 0.1, 0.02, cancellationToken);

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
