namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Finds the rows of traces on a straightened page: where the ink's horizontal projection peaks (a trace spends most
/// of its time near its baseline), how far each row's trace runs, and the calibration pulse at its left.
/// </summary>
internal static class RowFinder
{
    /// <summary>Rows closer than this (in millimetres) are one row: 12-lead rows are at least 10 mm apart.</summary>
    private const double MinimumRowSpacingMillimetres = 9;

    /// <summary>A trace row spans at least this much paper (a quarter of 10 s at 25 mm/s is 62.5 mm).</summary>
    private const double MinimumTraceMillimetres = 40;

    public static List<PrintedRow> Find(PageMasks masks, GridScale? grid, double pixelsPerMillimetre)
    {
        var (left, top, right, bottom) = grid is null
            ? (0, 0, masks.Width, masks.Height)
            : (grid.Left, grid.Top, grid.Right, grid.Bottom);
        var profile = new double[masks.Height];
        for (var y = top; y < bottom; y++)
        {
            var offset = y * masks.Width;
            for (var x = left; x < right; x++)
            {
                profile[y] += masks.Ink[offset + x];
            }
        }

        var peaks = Peaks(Smooth(profile, Math.Max(1, (int)Math.Round(0.5 * pixelsPerMillimetre))), (int)(MinimumRowSpacingMillimetres * pixelsPerMillimetre));
        var rows = new List<PrintedRow>();
        for (var i = 0; i < peaks.Count; i++)
        {
            var spacingAbove = i > 0 ? peaks[i] - peaks[i - 1] : (i + 1 < peaks.Count ? peaks[i + 1] - peaks[i] : 30 * pixelsPerMillimetre);
            var spacingBelow = i + 1 < peaks.Count ? peaks[i + 1] - peaks[i] : spacingAbove;

            // The trace may reach well into its neighbours' rows (a tall QRS); the tracer's continuity keeps it on its own.
            var bandTop = Math.Max(0, (int)(peaks[i] - (1.3 * spacingAbove)));
            var bandBottom = Math.Min(masks.Height, (int)(peaks[i] + (1.3 * spacingBelow)) + 1);
            var core = (Top: Math.Max(0, (int)(peaks[i] - (0.35 * spacingAbove))), Bottom: Math.Min(masks.Height, (int)(peaks[i] + (0.35 * spacingBelow)) + 1));
            if (Row(masks, peaks[i], bandTop, bandBottom, core, (left, top, right, bottom), pixelsPerMillimetre) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static PrintedRow? Row(PageMasks masks, int peak, int bandTop, int bandBottom, (int Top, int Bottom) core, (int Left, int Top, int Right, int Bottom) grid, double pixelsPerMillimetre)
    {
        // Columns with ink near the row (wider than its core: wide, tall complexes swing far out of it), joined across
        // gaps under half a millimetre; the longest run is the trace.
        var (left, gridTop, right, gridBottom) = grid;
        var reach = (Top: Math.Max(gridTop, peak - (2 * (peak - core.Top))), Bottom: Math.Min(gridBottom, peak + (2 * (core.Bottom - peak))));
        var occupied = new bool[masks.Width];
        for (var x = Math.Max(0, left - (int)(5 * pixelsPerMillimetre)); x < Math.Min(masks.Width, right + (int)(5 * pixelsPerMillimetre)); x++)
        {
            for (var y = reach.Top; y < reach.Bottom && !occupied[x]; y++)
            {
                occupied[x] = masks.IsInk(x, y);
            }
        }

        var spans = Spans(occupied, Math.Max(1, (int)Math.Round(0.5 * pixelsPerMillimetre)));
        if (spans.Count == 0)
        {
            return null;
        }

        var trace = spans.MaxBy(span => span.To - span.From);
        if (trace.To - trace.From < MinimumTraceMillimetres * pixelsPerMillimetre || !HasComplexes(masks, trace, peak, core, pixelsPerMillimetre))
        {
            return null;
        }

        // A calibration pulse is a separate short span just left of the trace, or the trace's own first millimetres.
        var pulseSpan = spans.LastOrDefault(span => span.To <= trace.From && trace.From - span.To < 6 * pixelsPerMillimetre && span.To - span.From < 15 * pixelsPerMillimetre);
        var pulse = pulseSpan.To > pulseSpan.From
            ? CalibrationPulse.Find(masks, pulseSpan.From, pulseSpan.To, core.Top, core.Bottom, pixelsPerMillimetre)
            : CalibrationPulse.Find(masks, trace.From, Math.Min(trace.To, trace.From + (int)(12 * pixelsPerMillimetre)), core.Top, core.Bottom, pixelsPerMillimetre);
        var start = pulse is not null && pulse.Right > trace.From ? pulse.Right + 1 : trace.From;
        return new PrintedRow(pulse?.Foot ?? peak, bandTop, bandBottom, start, trace.To, pulse?.Height, pulse?.PenWidth);
    }

    /// <summary>
    /// Whether the span rises or falls steeply somewhere: a trace has QRS complexes, runs of ink taller than 1.5 mm that
    /// reach its baseline; a ruled line under a header has none (the text above it stands clear of the line).
    /// </summary>
    private static bool HasComplexes(PageMasks masks, (int From, int To) span, int peak, (int Top, int Bottom) core, double pixelsPerMillimetre)
    {
        var tall = 1.5 * pixelsPerMillimetre;
        var near = Math.Max(1, (int)Math.Round(pixelsPerMillimetre));
        var steep = 0;
        for (var x = span.From; x < span.To && steep < 5; x++)
        {
            var start = -1;
            for (var y = core.Top; y <= core.Bottom; y++)
            {
                var ink = y < core.Bottom && masks.IsInk(x, y);
                if (ink && start < 0)
                {
                    start = y;
                }
                else if (!ink && start >= 0)
                {
                    steep += y - start > tall && start <= peak + near && y > peak - near ? 1 : 0;
                    start = -1;
                }
            }
        }

        return steep >= 5;
    }

    private static List<(int From, int To)> Spans(bool[] occupied, int maxGap)
    {
        var spans = new List<(int From, int To)>();
        var start = -1;
        var lastSet = -1;
        for (var x = 0; x < occupied.Length; x++)
        {
            if (!occupied[x])
            {
                continue;
            }

            if (start < 0)
            {
                start = x;
            }
            else if (x - lastSet > maxGap)
            {
                spans.Add((start, lastSet + 1));
                start = x;
            }

            lastSet = x;
        }

        if (start >= 0)
        {
            spans.Add((start, lastSet + 1));
        }

        return spans;
    }

    private static double[] Smooth(double[] profile, int half)
    {
        var smoothed = new double[profile.Length];
        double sum = 0;
        for (var i = 0; i < profile.Length + half; i++)
        {
            if (i < profile.Length)
            {
                sum += profile[i];
            }

            if (i - (2 * half) - 1 >= 0)
            {
                sum -= profile[i - (2 * half) - 1];
            }

            if (i - half >= 0)
            {
                smoothed[i - half] = sum;
            }
        }

        return smoothed;
    }

    /// <summary>Local maxima at least a fifth of the highest, strongest first, no two closer than <paramref name="minimumSpacing"/>; in page order.</summary>
    private static List<int> Peaks(double[] profile, int minimumSpacing)
    {
        var highest = profile.Max();
        if (highest <= 0)
        {
            return [];
        }

        var candidates = Enumerable.Range(1, profile.Length - 2)
            .Where(y => profile[y] >= 0.2 * highest && profile[y] >= profile[y - 1] && profile[y] > profile[y + 1])
            .OrderByDescending(y => profile[y]);
        var chosen = new List<int>();
        foreach (var y in candidates)
        {
            if (chosen.All(other => Math.Abs(other - y) >= minimumSpacing))
            {
                chosen.Add(y);
            }
        }

        chosen.Sort();
        return chosen;
    }
}
