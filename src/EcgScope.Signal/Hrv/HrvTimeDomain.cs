namespace EcgScope.Signal.Hrv;

/// <summary>
/// Time-domain HRV measures on NN intervals, as defined by the Task Force of the European Society of Cardiology and
/// the North American Society of Pacing and Electrophysiology, "Heart rate variability: standards of measurement,
/// physiological interpretation and clinical use", Circulation 93(5), 1996. Standard deviations use n − 1.
/// </summary>
/// <param name="MeanNnMs">Mean NN interval, ms.</param>
/// <param name="SdnnMs">Standard deviation of NN intervals, ms.</param>
/// <param name="RmssdMs">Root mean square of successive NN differences, ms.</param>
/// <param name="SdsdMs">Standard deviation of successive NN differences, ms.</param>
/// <param name="Pnn50Percent">Percentage of successive differences above 50 ms.</param>
/// <param name="Pnn20Percent">Percentage of successive differences above 20 ms.</param>
/// <param name="MedianNnMs">Median NN interval, ms.</param>
/// <param name="MinNnMs">Shortest NN interval, ms.</param>
/// <param name="MaxNnMs">Longest NN interval, ms.</param>
/// <param name="CvNn">SDNN / MeanNN (unitless).</param>
/// <param name="MeanHeartRateBpm">60 000 / MeanNN, beats per minute.</param>
/// <param name="TriangularIndex">HRV triangular index: NN count over the height of the NN histogram with 1/128 s
/// (7.8125 ms) bins. The Task Force recommends it for recordings of at least 20 minutes only.</param>
/// <param name="NnCount">NN intervals used.</param>
/// <param name="SuccessiveDifferenceCount">Adjacent NN pairs used for RMSSD, SDSD and pNNx.</param>
public sealed record HrvTimeDomain(
    double MeanNnMs,
    double SdnnMs,
    double RmssdMs,
    double SdsdMs,
    double Pnn50Percent,
    double Pnn20Percent,
    double MedianNnMs,
    double MinNnMs,
    double MaxNnMs,
    double CvNn,
    double MeanHeartRateBpm,
    double TriangularIndex,
    int NnCount,
    int SuccessiveDifferenceCount)
{
    /// <summary>Histogram bin width of the triangular index, in ms (1/128 s).</summary>
    public const double TriangularBinMs = 1000.0 / 128;

    /// <summary>Fewest NN intervals (and adjacent pairs, minus one) for which the measures are computed.</summary>
    public const int MinimumIntervals = 3;

    /// <summary>Computes the measures, or says why there is not enough data.</summary>
    public static HrvResult<HrvTimeDomain> Compute(NnIntervals intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var nn = intervals.NormalIntervalsMs();
        var differences = intervals.SuccessivePairs().Select(pair => pair.Next - pair.Current).ToArray();
        if (nn.Length < MinimumIntervals || differences.Length < MinimumIntervals - 1)
        {
            return HrvResult.Unavailable<HrvTimeDomain>(
                $"needs at least {MinimumIntervals} NN intervals with {MinimumIntervals - 1} adjacent pairs; got {nn.Length} NN intervals and {differences.Length} pairs ({intervals.RejectedCount} rejected)");
        }

        var mean = Statistics.Mean(nn);
        var sdnn = Statistics.SampleStandardDeviation(nn);
        var rmssd = Math.Sqrt(differences.Average(d => d * d));
        return HrvResult.Available(new HrvTimeDomain(
            MeanNnMs: mean,
            SdnnMs: sdnn,
            RmssdMs: rmssd,
            SdsdMs: Statistics.SampleStandardDeviation(differences),
            Pnn50Percent: 100.0 * differences.Count(d => Math.Abs(d) > 50) / differences.Length,
            Pnn20Percent: 100.0 * differences.Count(d => Math.Abs(d) > 20) / differences.Length,
            MedianNnMs: Statistics.Median(nn.ToArray()),
            MinNnMs: nn.Min(),
            MaxNnMs: nn.Max(),
            CvNn: sdnn / mean,
            MeanHeartRateBpm: 60_000 / mean,
            TriangularIndex: nn.Length / (double)nn.GroupBy(rr => Math.Floor(rr / TriangularBinMs)).Max(bin => bin.Count()),
            NnCount: nn.Length,
            SuccessiveDifferenceCount: differences.Length));
    }
}
