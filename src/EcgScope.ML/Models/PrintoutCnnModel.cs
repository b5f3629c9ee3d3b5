using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Networks;
using EcgScope.ML.Training;

namespace EcgScope.ML.Models;

/// <summary>
/// The printout CNN trained from scratch: the grid area of a printout as 320 × 192 pixels of grey ink. The grid area of
/// the dataset's printouts is about 830 × 485 pixels (aspect 1.7), so 320 × 192 keeps its shape and shrinks it 2.6
/// times: a 2.5 s lead segment is still about 77 pixels wide and a trace still one grey pixel, while the network costs
/// about 60 million multiply-adds per image, which 5 folds on 2 shared cores can afford. Both sides are multiples of
/// 32, as the network's five halvings need.
/// </summary>
public static class PrintoutCnnModel
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "printout-cnn";

    /// <summary>What the network reads.</summary>
    public static ImageInputSpec Input { get; } = new() { Width = 256, Height = 160, Pixels = ImagePixels.InkGrey };

    /// <summary>The network's sizes.</summary>
    public static PrintoutCnnShape Shape { get; } = new() { Width = Input.Width, Height = Input.Height, Classes = CardiacPrintouts.ClassNames.Length };

    /// <summary>
    /// The training recipe: 30 epochs of batches of 16 (about 22 steps an epoch on 4/5 × 9/10 of 491 images), a short warm-up,
    /// stronger weight decay than the signal models (few images, many weights in the head).
    /// </summary>
    public static TrainingOptions Training { get; } = new() { Epochs = 30, BatchSize = 16, LearningRate = 2e-3, WeightDecay = 5e-2, WarmupSteps = 40 };

    /// <summary>The score that picks the best epoch: the macro F1 over the four classes (MI is rare; accuracy would hide it).</summary>
    public static double EpochScore(int[] labels, int[] predictions) =>
        ConfusionMatrix.From(labels, predictions, CardiacPrintouts.ClassNames.Length).MeanF1([0, 1, 2, 3]);
}
