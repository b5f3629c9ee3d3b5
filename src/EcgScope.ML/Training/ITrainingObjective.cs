using static TorchSharp.torch;

namespace EcgScope.ML.Training;

/// <summary>What a network is trained to do: the loss of a batch and, after each epoch, the validation loss and score.</summary>
public interface ITrainingObjective
{
    /// <summary>The loss of a batch's logits for the records <paramref name="members"/> (indices into the dataset).</summary>
    Tensor Loss(Tensor logits, IReadOnlyList<int> members);

    /// <summary>The mean loss of records' logits (one row per record in <paramref name="members"/>).</summary>
    double ValidationLoss(float[][] logits, IReadOnlyList<int> members);

    /// <summary>The validation score (higher is better) that picks the best epoch.</summary>
    double Score(float[][] logits, IReadOnlyList<int> members);
}
