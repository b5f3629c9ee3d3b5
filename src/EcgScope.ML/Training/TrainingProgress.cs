namespace EcgScope.ML.Training;

/// <summary>Where a training run is: reported after every few batches and at the end of each epoch.</summary>
/// <param name="Fold">The cross-validation fold being trained (1-based), or 0 for a final model.</param>
/// <param name="Epoch">The epoch (1-based).</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="TrainingLoss">Mean training loss over the epoch so far.</param>
/// <param name="ValidationLoss">The validation loss after the epoch, or null mid-epoch.</param>
/// <param name="ValidationScore">The validation metric after the epoch, or null mid-epoch.</param>
/// <param name="TimeLeft">Estimated time left for this fold.</param>
public readonly record struct TrainingProgress(
    int Fold, int Epoch, int Epochs, int Batch, int Batches, double TrainingLoss, double? ValidationLoss, double? ValidationScore, TimeSpan TimeLeft);
