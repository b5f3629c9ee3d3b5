using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Models;

/// <summary>
/// The smartwatch product's baseline for normal against abnormal (AF or Other; Noisy records left out) on CinC 2017:
/// a two-layer LSTM (128, 64) over frames of 30 samples of one lead at its 300 Hz, min-max scaled as that product did.
/// Cross-validated on the rhythm model's folds (assigned over all four classes, then Noisy dropped), so the two can be
/// compared record by record.
/// </summary>
public static class AbnormalLstm
{
    /// <summary>The model's name.</summary>
    public const string Name = "abnormal-lstm";

    /// <summary>What the network reads.</summary>
    public static InputSpec Input { get; } = new()
    {
        SampleRateHz = 300,
        WindowSeconds = 30,
        Leads = ["I"],
        HighPassHz = 0.5,
        LowPassHz = 40,
        Normalization = InputNormalization.MinMax,
    };

    /// <summary>The network's sizes: two outputs, normal and abnormal.</summary>
    public static FramedLstmShape Shape { get; } = new() { Classes = 2 };

    /// <summary>The CinC records without Noisy, relabelled 0 = Normal, 1 = AF or Other, with their folds from the four-class assignment.</summary>
    public static (IReadOnlyList<LabelledRecord> Records, int[] Folds) Dataset(IReadOnlyList<LabelledRecord> cinc, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(cinc);
        var assignment = StratifiedFolds.Assign([.. cinc.Select(r => r.Label)], folds, seed);
        var kept = Enumerable.Range(0, cinc.Count).Where(i => cinc[i].Label != Cinc2017.Noisy).ToArray();
        return ([.. kept.Select(i => cinc[i] with { Label = cinc[i].Label == 0 ? 0 : 1 })], [.. kept.Select(i => assignment[i])]);
    }

    /// <summary>The score that picks the best epoch: F1 of "abnormal".</summary>
    public static double EpochScore(int[] labels, int[] predictions) => ConfusionMatrix.From(labels, predictions, 2).F1(1);
}
