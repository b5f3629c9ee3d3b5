using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Models;

/// <summary>
/// The smartwatch product's baseline for normal against abnormal (AF or Other; Noisy records left out) on CinC 2017:
/// a two-layer LSTM (128, 64) with batch norm and dropout over frames of 100 samples of one lead at its 300 Hz.
/// The product scaled each window min-max; here that input stayed at chance (validation AUROC 0.53 against 0.62 with
/// z-score, 2,000 records for 300 steps), so the baseline reads z-scored windows, and its card says so.
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
        Normalization = InputNormalization.ZScore,
    };

    /// <summary>
    /// The network's sizes: two outputs, normal and abnormal; frames of 100 samples (a third of a second), so that a few
    /// steps of the LSTM's memory span several beats (frames of 30 samples stayed at chance, AUROC 0.50 in the same trial).
    /// </summary>
    public static FramedLstmShape Shape { get; } = new() { Classes = 2, FrameSamples = 100 };

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
