namespace EcgScope.Signal.Delineation;

/// <summary>
/// Searches on one wavelet scale W (a smoothed derivative): modulus maxima are a wave's steepest slopes, zero crossings
/// its peaks. Index ranges are inclusive and must leave one sample on either side inside W.
/// </summary>
internal static class Slopes
{
    /// <summary>The largest |W| in [from, to] (0 when the range is empty).</summary>
    public static double LargestModulus(ReadOnlySpan<double> w, int from, int to)
    {
        var largest = 0.0;
        for (var i = from; i <= to; i++)
        {
            largest = Math.Max(largest, Math.Abs(w[i]));
        }

        return largest;
    }

    /// <summary>Whether |W| peaks at <paramref name="i"/> (ties resolved to the first sample of a plateau).</summary>
    public static bool IsModulusMaximum(ReadOnlySpan<double> w, int i) =>
        Math.Abs(w[i]) > Math.Abs(w[i - 1]) && Math.Abs(w[i]) >= Math.Abs(w[i + 1]);

    /// <summary>The earliest modulus maximum in [from, to] above <paramref name="threshold"/>.</summary>
    public static int? FirstMaximum(ReadOnlySpan<double> w, int from, int to, double threshold)
    {
        for (var i = from; i <= to; i++)
        {
            if (Math.Abs(w[i]) > threshold && IsModulusMaximum(w, i))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The latest modulus maximum in [from, to] above <paramref name="threshold"/>.</summary>
    public static int? LastMaximum(ReadOnlySpan<double> w, int from, int to, double threshold)
    {
        for (var i = to; i >= from; i--)
        {
            if (Math.Abs(w[i]) > threshold && IsModulusMaximum(w, i))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Walks back from the slope at <paramref name="from"/> to the first sample where |W| falls below
    /// <paramref name="level"/> or reaches a local minimum (the wave's onset); null when <paramref name="limit"/> comes first.
    /// </summary>
    public static int? WalkBack(ReadOnlySpan<double> w, int from, int limit, double level) => Walk(w, from, limit, level, -1);

    /// <summary>As <see cref="WalkBack"/>, forwards: the wave's offset.</summary>
    public static int? WalkForward(ReadOnlySpan<double> w, int from, int limit, double level) => Walk(w, from, limit, level, +1);

    private static int? Walk(ReadOnlySpan<double> w, int from, int limit, double level, int direction)
    {
        for (var i = from + direction; direction < 0 ? i >= limit : i <= limit; i += direction)
        {
            if (Math.Abs(w[i]) < level || (Math.Abs(w[i]) <= Math.Abs(w[i - 1]) && Math.Abs(w[i]) <= Math.Abs(w[i + 1])))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The sample between <paramref name="from"/> and <paramref name="to"/> where W changes sign and is nearest zero.</summary>
    public static int ZeroCrossing(ReadOnlySpan<double> w, int from, int to)
    {
        for (var i = from + 1; i <= to; i++)
        {
            if (Math.Sign(w[i]) != Math.Sign(w[from]))
            {
                return Math.Abs(w[i]) < Math.Abs(w[i - 1]) ? i : i - 1;
            }
        }

        return (from + to) / 2;
    }

    /// <summary>The root mean square of W over [from, to) (0 when empty).</summary>
    public static double RootMeanSquare(ReadOnlySpan<double> w, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(w.Length, to);
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += w[i] * w[i];
        }

        return to > from ? Math.Sqrt(sum / (to - from)) : 0;
    }

    /// <summary>
    /// A monophasic wave in [from, to]: the largest modulus maximum above <paramref name="threshold"/> and the nearest
    /// opposite-signed maximum beside it (the stronger of the one before and the one after; one below the threshold
    /// when none above it exists). Null when there is no such pair.
    /// </summary>
    /// <returns>The pair's first and last slope, ascending.</returns>
    public static (int First, int Last)? FindWave(ReadOnlySpan<double> w, int from, int to, double threshold)
    {
        from = Math.Max(1, from);
        to = Math.Min(w.Length - 2, to);
        int? main = null;
        for (var i = from; i <= to; i++)
        {
            if (Math.Abs(w[i]) > threshold && IsModulusMaximum(w, i) && (main is null || Math.Abs(w[i]) > Math.Abs(w[main.Value])))
            {
                main = i;
            }
        }

        if (main is not { } m)
        {
            return null;
        }

        var partner = Stronger(w, Neighbour(w, m, from, -1, threshold), Neighbour(w, m, to, +1, threshold))
            ?? Stronger(w, Neighbour(w, m, from, -1, 0), Neighbour(w, m, to, +1, 0));
        return partner is not { } p ? null : p < m ? (p, m) : (m, p);
    }

    /// <summary>The nearest modulus maximum of the opposite sign to W[<paramref name="main"/>], stepping by <paramref name="direction"/>.</summary>
    private static int? Neighbour(ReadOnlySpan<double> w, int main, int bound, int direction, double threshold)
    {
        for (var i = main + direction; direction < 0 ? i >= bound : i <= bound; i += direction)
        {
            if (Math.Sign(w[i]) == -Math.Sign(w[main]) && Math.Abs(w[i]) > threshold && IsModulusMaximum(w, i))
            {
                return i;
            }
        }

        return null;
    }

    private static int? Stronger(ReadOnlySpan<double> w, int? a, int? b) =>
        a is { } x && b is { } y ? (Math.Abs(w[x]) >= Math.Abs(w[y]) ? x : y) : a ?? b;
}
