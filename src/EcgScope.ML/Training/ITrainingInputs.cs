using EcgScope.ML.Datasets;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Training;

/// <summary>
/// What a network is trained on, held in memory: the labelled records, a random training batch of some of them
/// (random windows of a signal, augmented copies of an image) and each record's logits as the model is served.
/// </summary>
public interface ITrainingInputs
{
    /// <summary>The records, in the dataset's order; indices elsewhere point into this list.</summary>
    IReadOnlyList<LabelledRecord> Records { get; }

    /// <summary>A training batch of the records <paramref name="members"/>, drawing its randomness from <paramref name="random"/> only.</summary>
    Tensor RandomBatch(IReadOnlyList<int> members, Random random);

    /// <summary>The logits of each record in <paramref name="indices"/> as the served model computes them, <paramref name="batchSize"/> inputs at a time.</summary>
    float[][] Logits(Module<Tensor, Tensor> network, IReadOnlyList<int> indices, int batchSize);
}
