using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Models;

/// <summary>
/// The single-lead rhythm network: Normal / AF / Other / Noisy from 30 s of one lead at 100 Hz (CinC 2017's classes).
/// 100 Hz keeps P waves and QRS shape (PTB-XL's morphology classes are learnt at that rate) at a third of the cost
/// of the recordings' 300 Hz.
/// </summary>
public static class RhythmCnn
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "rhythm-cnn";

    /// <summary>What the network reads.</summary>
    public static InputSpec Input { get; } = new()
    {
        SampleRateHz = 100,
        WindowSeconds = 30,
        Leads = ["I"],
        HighPassHz = 0.5,
        LowPassHz = 40,
        Normalization = InputNormalization.ZScore,
    };

    /// <summary>The network's sizes.</summary>
    public static ResNet1dShape Shape { get; } = new() { Leads = 1, Classes = Cinc2017.ClassNames.Length };

    /// <summary>The CinC 2017 score: the mean F1 of Normal, AF and Other, from the argmax of each record's logits.</summary>
    public static double ChallengeF1(float[][] logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var classes = Cinc2017.ClassNames.Length;
        var matrix = new int[classes, classes];
        for (var i = 0; i < labels.Length; i++)
        {
            matrix[labels[i], Array.IndexOf(logits[i], logits[i].Max())]++;
        }

        var sum = 0.0;
        for (var c = 0; c < Cinc2017.Noisy; c++)
        {
            var rowAndColumn = 0;
            for (var k = 0; k < classes; k++)
            {
                rowAndColumn += matrix[c, k] + matrix[k, c];
            }

            sum += rowAndColumn == 0 ? 0 : 2.0 * matrix[c, c] / rowAndColumn;
        }

        return sum / Cinc2017.Noisy;
    }
}
