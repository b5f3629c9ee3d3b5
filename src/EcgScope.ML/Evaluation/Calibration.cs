using EcgScope.Inference.Verdicts;
namespace EcgScope.ML.Evaluation;

/// <summary>One bin of a reliability curve: confidences in (<see cref="LowerEdge"/>, <see cref="UpperEdge"/>].</summary>
/// <param name="LowerEdge">Lower edge of the bin (excluded, except 0 for the first bin).</param>
/// <param name="UpperEdge">Upper edge of the bin (included).</param>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence; NaN for an empty bin.</param>
/// <param name="Accuracy">Share of them that were right; NaN for an empty bin.</param>
public readonly record struct ReliabilityBin(double LowerEdge, double UpperEdge, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How far confidence strays from accuracy (C. Guo et al., "On calibration of modern neural networks", ICML 2017):
/// predictions are binned by confidence into equal-width bins over [0, 1]; the expected calibration error is
/// Σ (bin count / total) · |accuracy − mean confidence|. For a classifier the confidence is the top probability and
/// "right" means the top class is the true one (<see cref="TopLabel"/>); for one binary output it is that output's
/// probability and whether the record is positive.
/// </summary>
public static class Calibration
{
    /// <summary>Bins used unless told otherwise: ten equal-width bins, as the project's evaluation rules (../shared/docs/evaluation.md) ask.</summary>
    public const int DefaultBins = 10;

    /// <summary>Expected calibration error of <paramref name="confidences"/> (0 … 1) against <paramref name="correct"/>; NaN for none.</summary>
    public static double ExpectedCalibrationError(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int bins = DefaultBins)
    {
        var curve = ReliabilityCurve(confidences, correct, bins);
        var total = 0;
        var error = 0.0;
        foreach (var bin in curve)
        {
            total += bin.Count;
            error += bin.Count == 0 ? 0 : bin.Count * Math.Abs(bin.Accuracy - bin.MeanConfidence);
        }

        return total == 0 ? double.NaN : error / total;
    }

    /// <summary>The reliability curve: every bin, empty ones included, in ascending order.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a confidence is outside [0, 1].</exception>
    public static ReliabilityBin[] ReliabilityCurve(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (confidences.Length != correct.Length)
        {
            throw new ArgumentException($"{confidences.Length} confidences but {correct.Length} outcomes.", nameof(correct));
        }

        var counts = new int[bins];
        var confidenceSums = new double[bins];
        var rightCounts = new int[bins];
        for (var i = 0; i < confidences.Length; i++)
        {
            var confidence = confidences[i];
            if (!(confidence is >= 0 and <= 1))
            {
                throw new ArgumentException($"Confidence {i} is {confidence}; confidences lie in [0, 1].", nameof(confidences));
            }

            // Bins are (k/M, (k+1)/M]; a confidence of exactly 0 joins the first.
            var bin = Math.Max(0, (int)Math.Ceiling(confidence * bins) - 1);
            counts[bin]++;
            confidenceSums[bin] += confidence;
            rightCounts[bin] += correct[i] ? 1 : 0;
        }

        var curve = new ReliabilityBin[bins];
        for (var k = 0; k < bins; k++)
        {
            curve[k] = new ReliabilityBin(
                (double)k / bins,
                (double)(k + 1) / bins,
                counts[k],
                counts[k] == 0 ? double.NaN : confidenceSums[k] / counts[k],
                counts[k] == 0 ? double.NaN : (double)rightCounts[k] / counts[k]);
        }

        return curve;
    }

    /// <summary>Each row's top probability and whether its class (the first on ties) is the label.</summary>
    public static (double[] Confidences, bool[] Correct) TopLabel(IReadOnlyList<double[]> probabilities, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != labels.Length)
        {
            throw new ArgumentException($"{probabilities.Count} probability rows but {labels.Length} labels.", nameof(labels));
        }

        var confidences = new double[labels.Length];
        var correct = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var top = Probabilities.ArgMax(probabilities[i]);
            confidences[i] = probabilities[i][top];
            correct[i] = top == labels[i];
        }

        return (confidences, correct);
    }
}
