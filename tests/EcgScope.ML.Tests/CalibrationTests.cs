using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Tests;

public sealed class CalibrationTests
{
    [Fact]
    public void Expected_calibration_error_by_hand()
    {
        // Bin (0.9, 1]: confidence 0.95, accuracy 0.5; bin (0.5, 0.6]: confidence 0.55, accuracy 1.
        // ECE = 2/4·0.45 + 2/4·0.45.
        double[] confidences = [0.95, 0.95, 0.55, 0.55];
        bool[] correct = [true, false, true, true];

        Assert.Equal(0.45, Calibration.ExpectedCalibrationError(confidences, correct, bins: 10), 12);
    }

    [Fact]
    public void Bins_include_their_upper_edge_and_zero_joins_the_first()
    {
        var curve = Calibration.ReliabilityCurve([0, 0.6, 1], [false, true, true], bins: 10);

        Assert.Equal(10, curve.Length);
        Assert.Equal(1, curve[0].Count);
        Assert.Equal(1, curve[5].Count);     // (0.5, 0.6]
        Assert.Equal(1, curve[9].Count);
        Assert.Equal(0.6, curve[5].MeanConfidence, 12);
        Assert.True(double.IsNaN(curve[3].Accuracy));
        Assert.Equal(Calibration.DefaultBins, Calibration.ReliabilityCurve([0.5], [true]).Length);
    }

    [Fact]
    public void Perfectly_calibrated_predictions_have_no_error()
    {
        // Confidence 0.75 and three of four right, in one bin.
        Assert.Equal(0, Calibration.ExpectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false]), 12);
    }

    [Fact]
    public void Top_label_confidence_and_correctness()
    {
        double[][] probabilities = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]];

        var (confidences, correct) = Calibration.TopLabel(probabilities, [0, 1]);

        Assert.Equal([0.7, 0.6], confidences);
        Assert.Equal([true, false], correct);
    }

    [Fact]
    public void Confidences_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Calibration.ReliabilityCurve([1.5], [true]));
        Assert.Throws<ArgumentException>(() => Calibration.ReliabilityCurve([double.NaN], [true]));
    }
}
