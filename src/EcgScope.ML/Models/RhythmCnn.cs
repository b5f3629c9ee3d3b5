using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Networks;
using EcgScope.ML.Training;

namespace EcgScope.ML.Models;

/// <summary>
/// The single-lead rhythm network: Normal / AF / Other / Noisy from one lead at 100 Hz (CinC 2017's classes), in
/// windows of 15 s. 100 Hz keeps P waves and QRS shape (PTB-XL's morphology classes are learnt at that rate) at a
/// third of the cost of the recordings' 300 Hz. Training takes a random 15 s crop of each recording every epoch (most
/// recordings are 30 s, so a 30 s window gave the network the same input every epoch); a verdict is the mean of the
/// logits over the recording's windows.
/// </summary>
public static class RhythmCnn
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "rhythm-cnn";

    /// <summary>What the network reads.</summary>
    public static InputSpec Input { get; } = new()
    {
        SampleRateHz = 100,
        WindowSeconds = 15,
        Leads = ["I"],
        HighPassHz = 0.5,
        LowPassHz = 40,
        Normalization = InputNormalization.ZScore,
    };

    /// <summary>
    /// How it trains: 40 epochs, chosen on fold 1's validation records (the best epoch's score 0.817 with 12 epochs,
    /// 0.838 with 24, 0.845 with 40): with 12 the network still underfitted, its training loss above the validation loss.
    /// </summary>
    public static TrainingOptions Training { get; } = new() { Epochs = 40 };

    /// <summary>The network's sizes.</summary>
    public static ResNet1dShape Shape { get; } = new() { Leads = 1, Classes = Cinc2017.ClassNames.Length };

    /// <summary>The score that picks the best epoch: the CinC 2017 score of the predicted classes.</summary>
    public static double EpochScore(int[] labels, int[] predictions) => ChallengeScore.Cinc2017(labels, predictions);
}
