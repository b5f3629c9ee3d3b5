namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Follows one row's trace column by column. Each column holds a few candidate dark runs (the trace, a neighbour's
/// tall QRS reaching in, a lead label); dynamic programming picks the chain of runs that jumps least from column to
/// column, so that text and overlapping neighbours do not derail it.
/// </summary>
internal static class TraceTracer
{
    /// <summary>The cost of a jump between runs, per millimetre of gap between them.</summary>
    private const double JumpCostPerMillimetre = 1;

    /// <summary>The cost per millimetre of distance from the baseline: a weak pull that breaks ties towards the own row.</summary>
    private const double BaselineCostPerMillimetre = 0.03;

    /// <summary>The cost of leaving one column out of the chain (a gap in the trace, or a column of text only).</summary>
    private const double SkipCost = 0.4;

    /// <summary>How many columns either side must hold the same run for a stretch of trace to count as flat.</summary>
    private const int FlatReach = 2;

    /// <summary>A vertical line at least this tall, in millimetres, near a column boundary is a lead separator, not trace.</summary>
    private const double SeparatorMillimetres = 10;

    /// <summary>The trace's height (pixel row) at each column of the row, NaN where no ink was found, and the pen's width.</summary>
    /// <param name="masks">The straightened page.</param>
    /// <param name="row">The row to follow.</param>
    /// <param name="separators">Columns where lead separators may stand (the boundaries between panels).</param>
    /// <param name="pixelsPerMillimetre">The page's scale.</param>
    public static TracedRow Trace(PageMasks masks, PrintedRow row, IReadOnlyList<int> separators, double pixelsPerMillimetre)
    {
        var width = row.TraceWidth;
        var runs = new List<(int Top, int Bottom)>[width];
        for (var i = 0; i < width; i++)
        {
            runs[i] = Runs(masks, row.TraceStart + i, row.BandTop, row.BandBottom);
        }

        RemoveSeparators(runs, row, separators, pixelsPerMillimetre);
        var boundaries = separators.Select(separator => separator - row.TraceStart).ToList();
        var chosen = Chain(runs, boundaries, row.Baseline, pixelsPerMillimetre);
        return new TracedRow(Heights(runs, chosen, pixelsPerMillimetre), PenWidth(runs, chosen));
    }

    private static List<(int Top, int Bottom)> Runs(PageMasks masks, int x, int top, int bottom)
    {
        var runs = new List<(int Top, int Bottom)>(4);
        var start = -1;
        for (var y = top; y < bottom; y++)
        {
            var ink = masks.Ink[(y * masks.Width) + x] != 0;
            if (ink && start < 0)
            {
                start = y;
            }
            else if (!ink && start >= 0)
            {
                runs.Add((start, y));
                start = -1;
            }
        }

        if (start >= 0)
        {
            runs.Add((start, bottom));
        }

        return runs;
    }

    /// <summary>Drops tall thin vertical lines within 1.5 mm of a panel boundary: they separate leads.</summary>
    private static void RemoveSeparators(List<(int Top, int Bottom)>[] runs, PrintedRow row, IReadOnlyList<int> separators, double pixelsPerMillimetre)
    {
        var tall = SeparatorMillimetres * pixelsPerMillimetre;
        var reach = (int)Math.Ceiling(1.5 * pixelsPerMillimetre);
        foreach (var separator in separators)
        {
            for (var i = Math.Max(0, separator - row.TraceStart - reach); i < Math.Min(runs.Length, separator - row.TraceStart + reach); i++)
            {
                runs[i].RemoveAll(run => run.Bottom - run.Top >= tall);
            }
        }
    }

    /// <summary>
    /// The chosen run of each column (-1: none), by dynamic programming over the columns. Across a panel boundary
    /// (<paramref name="boundaries"/>, in columns of the row) the next lead begins where it begins: a jump there costs
    /// nothing, or a QRS at the start of a panel would be skipped rather than reached.
    /// </summary>
    private static int[] Chain(List<(int Top, int Bottom)>[] runs, List<int> boundaries, double baseline, double pixelsPerMillimetre)
    {
        var width = runs.Length;
        var lookBack = Math.Max(3, (int)Math.Round(1.5 * pixelsPerMillimetre));
        // The last panel boundary at or before each column (-1: none), so that a step from a previous column crosses a
        // boundary exactly when that boundary lies after it.
        var lastBoundary = new int[width];
        for (var x = 0; x < width; x++)
        {
            lastBoundary[x] = boundaries.Contains(x) ? x : x > 0 ? lastBoundary[x - 1] : -1;
        }

        var cost = new double[width][];
        var fromColumn = new int[width][];
        var fromRun = new int[width][];
        for (var x = 0; x < width; x++)
        {
            var count = runs[x].Count;
            (cost[x], fromColumn[x], fromRun[x]) = (new double[count], new int[count], new int[count]);
            for (var i = 0; i < count; i++)
            {
                var (top, bottom) = runs[x][i];
                var own = BaselineCostPerMillimetre * Math.Abs(((top + bottom) / 2.0) - baseline) / pixelsPerMillimetre;
                var (best, bestColumn, bestRun) = ((x * SkipCost) + own, -1, -1);
                for (var previous = x - 1; previous >= Math.Max(0, x - lookBack); previous--)
                {
                    var skip = (x - previous - 1) * SkipCost;
                    var jumpCost = lastBoundary[x] > previous ? 0 : JumpCostPerMillimetre;
                    for (var j = 0; j < runs[previous].Count; j++)
                    {
                        var (previousTop, previousBottom) = runs[previous][j];
                        var gap = Math.Max(0, Math.Max(top - previousBottom, previousTop - bottom));
                        var total = cost[previous][j] + skip + own + (jumpCost * gap / pixelsPerMillimetre);
                        if (total < best)
                        {
                            (best, bestColumn, bestRun) = (total, previous, j);
                        }
                    }
                }

                (cost[x][i], fromColumn[x][i], fromRun[x][i]) = (best, bestColumn, bestRun);
            }
        }

        // The cheapest chain ending near the right edge, counting the columns it leaves out at the end.
        var (endColumn, endRun, endCost) = (-1, -1, double.MaxValue);
        for (var x = Math.Max(0, width - lookBack); x < width; x++)
        {
            for (var i = 0; i < runs[x].Count; i++)
            {
                var total = cost[x][i] + ((width - 1 - x) * SkipCost);
                if (total < endCost)
                {
                    (endColumn, endRun, endCost) = (x, i, total);
                }
            }
        }

        var chosen = new int[width];
        Array.Fill(chosen, -1);
        while (endColumn >= 0)
        {
            chosen[endColumn] = endRun;
            (endColumn, endRun) = (fromColumn[endColumn][endRun], fromRun[endColumn][endRun]);
        }

        return chosen;
    }

    /// <summary>
    /// The pen's width in pixels, to a fraction of one: the mean run of ink where the trace is flat (the same run in
    /// the two columns either side). A flat line's run is 2 or 3 pixels by where it falls between pixel rows, and over
    /// the many flat stretches of a row the mean is its width, less a constant of the ink threshold that cancels where
    /// the width places a trace's first moment. NaN where nothing is flat.
    /// </summary>
    private static double PenWidth(List<(int Top, int Bottom)>[] runs, int[] chosen)
    {
        double sum = 0;
        var count = 0;
        for (var x = FlatReach; x < runs.Length - FlatReach; x++)
        {
            if (chosen[x] < 0)
            {
                continue;
            }

            var run = runs[x][chosen[x]];
            var flat = true;
            for (var k = x - FlatReach; k <= x + FlatReach && flat; k++)
            {
                flat = chosen[k] >= 0 && runs[k][chosen[k]] == run;
            }

            if (flat)
            {
                sum += run.Bottom - run.Top;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>
    /// The trace's height in each column. A pixel is ink where the pen's stroke covers its centre, so on a straight
    /// stroke, however steep, a column's run of ink is centred on the trace's height at the column's centre: the run's
    /// centre is the height. At a peak the run reaches from the column's height to the tip instead: a long run whose
    /// end reaches as far as both neighbours' runs, or within a pixel of the further one, holds the tip of a peak
    /// turning in or next to this column, and its height is the tip, half a pen width inside the run's end (the further
    /// reaching end where both qualify). The tip then spans a column or two either side of where the pen turned, as the
    /// ink does.
    /// </summary>
    private static double[] Heights(List<(int Top, int Bottom)>[] runs, int[] chosen, double pixelsPerMillimetre)
    {
        var lengths = Enumerable.Range(0, runs.Length).Where(x => chosen[x] >= 0).Select(x => runs[x][chosen[x]].Bottom - runs[x][chosen[x]].Top).Order().ToList();
        var thickness = lengths.Count > 0 ? lengths[lengths.Count / 2] : Math.Max(1, pixelsPerMillimetre / 4);
        var heights = new double[runs.Length];
        for (var x = 0; x < runs.Length; x++)
        {
            if (chosen[x] < 0)
            {
                heights[x] = double.NaN;
                continue;
            }

            var (top, bottom) = runs[x][chosen[x]];
            heights[x] = (top + bottom - 1) / 2.0;
            if (bottom - top <= 1.5 * thickness)
            {
                continue;
            }

            // A neighbour with no ink (a faint stroke broken on a scan) does not bound the peak.
            var before = x > 0 && chosen[x - 1] >= 0 ? runs[x - 1][chosen[x - 1]] : (Top: bottom, Bottom: top);
            var after = x < runs.Length - 1 && chosen[x + 1] >= 0 ? runs[x + 1][chosen[x + 1]] : (Top: bottom, Bottom: top);
            var upward = top <= Math.Min(before.Top, after.Top) + 1 ? Math.Min(before.Top, after.Top) - top + 2 : 0;
            var downward = bottom >= Math.Max(before.Bottom, after.Bottom) - 1 ? bottom - Math.Max(before.Bottom, after.Bottom) + 2 : 0;
            if (upward > 0 && upward >= downward)
            {
                heights[x] = top + ((thickness - 1) / 2.0);
            }
            else if (downward > 0)
            {
                heights[x] = bottom - 1 - ((thickness - 1) / 2.0);
            }
        }

        return heights;
    }
}

/// <summary>One row's followed trace.</summary>
/// <param name="Heights">The trace's height (pixel row) in each column, NaN where none was found.</param>
/// <param name="PenWidth">The pen's width in pixels, to a fraction of one; NaN when the trace is nowhere flat.</param>
internal sealed record TracedRow(double[] Heights, double PenWidth);
