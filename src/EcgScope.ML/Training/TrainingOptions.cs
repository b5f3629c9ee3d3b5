namespace EcgScope.ML.Training;

/// <summary>How a network is trained: the schedule, the batch and the seed that makes a run repeatable.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training records.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Windows per optimiser step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The peak learning rate of AdamW; a cosine schedule takes it to zero over the run.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-2;

    /// <summary>Steps of linear warm-up at the start.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Seeds the batch order, the crops and the network's initialisation.</summary>
    public int Seed { get; init; } = 2017;

    /// <summary>CPU threads libtorch may use.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Stop after this many records per epoch (a smoke test); null for all.</summary>
    public int? RecordLimit { get; init; }
}
