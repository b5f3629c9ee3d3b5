namespace EcgScope.ML.Training;

/// <summary>
/// The options that decide a run's weights (all but the thread count), kept in its checkpoint so that a rerun with
/// other options never resumes it and a model card states what the run really used.
/// </summary>
public sealed record TrainingRecipe(int Epochs, int BatchSize, double LearningRate, double WeightDecay, int WarmupSteps, int Seed, int? RecordLimit)
{
    /// <summary>The recipe of <paramref name="options"/>.</summary>
    public static TrainingRecipe Of(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.WarmupSteps, options.Seed, options.RecordLimit);
    }
}
