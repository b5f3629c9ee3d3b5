namespace EcgScope.Signal.Hrv;

/// <summary>
/// Poincaré plot descriptors: the cloud of (NNₙ, NNₙ₊₁) points rotated by 45°; SD1 is the spread across the identity
/// line (short-term variability, SD1 = SDSD/√2) and SD2 along it (long-term). Reference: M. Brennan, M. Palaniswami,
/// P. Kamen, "Do existing measures of Poincaré plot geometry reflect nonlinear features of heart rate variability?",
/// IEEE Trans. Biomed. Eng. 48(11), 2001.
/// </summary>
/// <param name="Sd1Ms">Standard deviation across the identity line, ms.</param>
/// <param name="Sd2Ms">Standard deviation along the identity line, ms.</param>
public sealed record PoincarePlot(double Sd1Ms, double Sd2Ms)
{
    /// <summary>SD1 / SD2 (unitless); NaN when SD2 is 0.</summary>
    public double Sd1Sd2Ratio => Sd2Ms > 0 ? Sd1Ms / Sd2Ms : double.NaN;

    /// <summary>Computes SD1 and SD2 from adjacent NN pairs (at least 2 needed).</summary>
    public static HrvResult<PoincarePlot> Compute(NnIntervals intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var pairs = intervals.SuccessivePairs().ToArray();
        if (pairs.Length < 2)
        {
            return HrvResult.Unavailable<PoincarePlot>($"needs at least 2 adjacent NN pairs, got {pairs.Length}");
        }

        var across = pairs.Select(p => (p.Next - p.Current) / Math.Sqrt(2)).ToArray();
        var along = pairs.Select(p => (p.Next + p.Current) / Math.Sqrt(2)).ToArray();
        return HrvResult.Available(new PoincarePlot(Statistics.SampleStandardDeviation(across), Statistics.SampleStandardDeviation(along)));
    }
}
