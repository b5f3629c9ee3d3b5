namespace EcgScope.Signal.Detection;

/// <summary>Places a detection on the R wave itself: the signal's largest excursion, of either polarity.</summary>
internal static class RWaveLocator
{
    /// <summary>
    /// The index in [<paramref name="from"/>, <paramref name="to"/>] (clamped to the signal) where
    /// <paramref name="signal"/> deviates most from the window's mean: the R peak of an upright QRS, the S or QS
    /// nadir of an inverted one. Missing samples (NaN) are skipped; an all-missing window gives its middle.
    /// </summary>
    public static int Locate(ReadOnlySpan<double> signal, int from, int to)
    {
        from = Math.Clamp(from, 0, signal.Length - 1);
        to = Math.Clamp(to, from, signal.Length - 1);
        var window = signal[from..(to + 1)];
        var mean = 0.0;
        var count = 0;
        foreach (var value in window)
        {
            if (double.IsFinite(value))
            {
                mean += value;
                count++;
            }
        }

        if (count == 0)
        {
            return (from + to) / 2;
        }

        mean /= count;
        var best = 0;
        var bestDeviation = -1.0;
        for (var i = 0; i < window.Length; i++)
        {
            var deviation = Math.Abs(window[i] - mean);
            if (deviation > bestDeviation)
            {
                bestDeviation = deviation;
                best = i;
            }
        }

        return from + best;
    }

    /// <summary>
    /// Drops any location that does not come after the one before it: two detections whose search windows overlap can
    /// land on the same extremum, and callers are promised ascending, distinct indices.
    /// </summary>
    public static int[] StrictlyAscending(int[] locations)
    {
        var kept = 0;
        for (var i = 0; i < locations.Length; i++)
        {
            if (kept == 0 || locations[i] > locations[kept - 1])
            {
                locations[kept++] = locations[i];
            }
        }

        return kept == locations.Length ? locations : locations[..kept];
    }
}
