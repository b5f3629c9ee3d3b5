using System.Diagnostics;
using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Evaluation;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Training;

/// <summary>
/// Trains a classifier network on one split: AdamW with warm-up and a cosine schedule, the objective's loss on random
/// windows; validates after every epoch and keeps the weights of the objective's best validation score.
/// Every epoch ends in a checkpoint, and the batch order, crops and dropout of epoch e depend only on the seed and e,
/// so a run stopped and resumed ends with the same weights as one that never stopped.
/// </summary>
public sealed class NetworkTrainer(TrainingOptions options, Func<Module<Tensor, Tensor>> createNetwork)
{
    private const int ProgressEveryBatches = 20;

    private readonly InputSpec? spec;

    /// <summary>A trainer of a signal network reading <paramref name="spec"/> (for the <see cref="ConditionedSet"/> overloads).</summary>
    public NetworkTrainer(InputSpec spec, TrainingOptions options, Func<Module<Tensor, Tensor>> createNetwork)
        : this(options, createNetwork) => this.spec = spec;

    /// <summary>
    /// Trains on <paramref name="training"/>, validates on <paramref name="validation"/> (indices into
    /// <paramref name="set"/>) with <paramref name="objective"/>, checkpointing into
    /// <paramref name="directory"/>; returns the network with the best epoch's weights, in evaluation mode.
    /// </summary>
    public Module<Tensor, Tensor> Train(
        ConditionedSet set,
        IReadOnlyList<int> training,
        IReadOnlyList<int> validation,
        ITrainingObjective objective,
        string directory,
        int fold,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Train(Windows(set), training, validation, objective, directory, fold, progress, cancellationToken);

    /// <summary>
    /// Trains on <paramref name="training"/>, validates on <paramref name="validation"/> (indices into
    /// <paramref name="inputs"/>' records) with <paramref name="objective"/>, checkpointing into
    /// <paramref name="directory"/>; returns the network with the best epoch's weights, in evaluation mode.
    /// </summary>
    public Module<Tensor, Tensor> Train(
        ITrainingInputs inputs,
        IReadOnlyList<int> training,
        IReadOnlyList<int> validation,
        ITrainingObjective objective,
        string directory,
        int fold,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(objective);
        Directory.CreateDirectory(directory);
        set_num_threads(options.Threads);
        manual_seed(options.Seed);
        var network = createNetwork();
        var optimizer = optim.AdamW(network.parameters(), lr: options.LearningRate, weight_decay: options.WeightDecay);
        var state = FoldCheckpoint.Read(directory);
        var recipe = TrainingRecipe.Of(options);
        if (state.EpochsDone > 0 && state.Recipe != recipe)
        {
            throw new InvalidOperationException(
                $"{directory} holds a run trained with {state.Recipe?.ToString() ?? "unrecorded options"}, not {recipe}: resuming would mix two runs. Use another folder, or the same options.");
        }

        state = state with { Recipe = recipe };
        if (state.EpochsDone > 0)
        {
            network.load(Path.Combine(directory, "last.weights"));
            optimizer.load_state_dict(Path.Combine(directory, "last.optimizer"));
        }

        int[] trainingRecords = options.RecordLimit is int limit ? [.. training.Take(limit)] : [.. training];
        var batches = (trainingRecords.Length + options.BatchSize - 1) / options.BatchSize;
        for (var epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(EpochSeed(options.Seed, fold, epoch, stream: 0));
            manual_seed(EpochSeed(options.Seed, fold, epoch, stream: 1));
            // Each epoch shuffles the records from their given order, never the last epoch's: a resumed run has no last epoch.
            var trainingOrder = (int[])trainingRecords.Clone();
            random.Shuffle(trainingOrder);
            network.train();
            var lossSum = 0.0;
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var members = trainingOrder.Skip(b * options.BatchSize).Take(options.BatchSize).ToArray();
                SetLearningRate(optimizer, ((epoch - 1) * batches) + b, options.Epochs * batches);
                using var scope = NewDisposeScope();
                var input = inputs.RandomBatch(members, random);
                var loss = objective.Loss(network.forward(input), members);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                if ((b + 1) % ProgressEveryBatches == 0)
                {
                    progress?.Report(new TrainingProgress(
                        fold, epoch, options.Epochs, b + 1, batches, lossSum / (b + 1), null, null, TimeLeft(state, clock, b + 1, batches, epoch)));
                }
            }

            var logits = Predict(network, inputs, validation);
            var validationLoss = objective.ValidationLoss(logits, validation);
            var validationScore = objective.Score(logits, validation);
            network.save(Path.Combine(directory, "last.weights"));
            optimizer.save_state_dict(Path.Combine(directory, "last.optimizer"));
            // The first epoch always sets the best weights, so a score that is never a number (a diverged run) still leaves some.
            var improved = state.BestEpoch == 0 || validationScore > state.BestScore;
            if (improved)
            {
                network.save(Path.Combine(directory, "best.weights"));
            }

            state = state with
            {
                EpochsDone = epoch,
                BestEpoch = improved ? epoch : state.BestEpoch,
                BestScore = improved ? validationScore : state.BestScore,
                History = [.. state.History, new EpochRecord(epoch, lossSum / batches, validationLoss, validationScore, clock.Elapsed.TotalSeconds)],
            };
            state.Write(directory);
            progress?.Report(new TrainingProgress(
                fold, epoch, options.Epochs, batches, batches, lossSum / batches, validationLoss, validationScore, TimeLeft(state, clock, batches, batches, epoch)));
        }

        network.load(Path.Combine(directory, "best.weights"));
        network.eval();
        return network;
    }

    /// <summary>Each record's name, label and logits, as the prediction files hold them.</summary>
    public IReadOnlyList<RecordPrediction> Predictions(Module<Tensor, Tensor> network, ConditionedSet set, IReadOnlyList<int> indices) =>
        Predictions(network, Windows(set), indices);

    /// <summary>Each record's name, label and logits, as the prediction files hold them.</summary>
    public IReadOnlyList<RecordPrediction> Predictions(Module<Tensor, Tensor> network, ITrainingInputs inputs, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logits = Predict(network, inputs, indices);
        return [.. indices.Select((index, i) => new RecordPrediction(inputs.Records[index].Name, inputs.Records[index].Label, [.. logits[i].Select(z => (double)z)]))];
    }

    /// <summary>The signal records of <paramref name="set"/> as training input, read as this trainer's spec says.</summary>
    internal ITrainingInputs Windows(ConditionedSet set) =>
        new WindowInputs(set, spec ?? throw new InvalidOperationException("This trainer was made without an input spec; give it training inputs instead of a conditioned set."));

    /// <summary>
    /// The logits of each record in <paramref name="indices"/>: the mean over all its windows, as the registry
    /// serves a long record.
    /// </summary>
    public float[][] Predict(Module<Tensor, Tensor> network, ConditionedSet set, IReadOnlyList<int> indices) =>
        Predict(network, Windows(set), indices);

    /// <summary>The logits of each record in <paramref name="indices"/>, as the served model computes them.</summary>
    public float[][] Predict(Module<Tensor, Tensor> network, ITrainingInputs inputs, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.Logits(network, indices, options.BatchSize);
    }

    /// <summary>
    /// The seed of one random stream (0: batch order and crops, 1: libtorch's dropout) of one epoch. A fixed mix, not
    /// <see cref="HashCode"/>, whose values change from process to process: a resumed run must draw what an unbroken
    /// one drew.
    /// </summary>
    internal static int EpochSeed(int seed, int fold, int epoch, int stream) =>
        unchecked((((((seed * 1_000_003) + fold) * 10_007) + epoch) * 31) + stream);

    private void SetLearningRate(optim.Optimizer optimizer, int step, int totalSteps)
    {
        var warmup = Math.Min(1.0, (step + 1.0) / options.WarmupSteps);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps));
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = options.LearningRate * warmup * cosine;
        }
    }

    private TimeSpan TimeLeft(FoldCheckpoint state, Stopwatch clock, int batch, int batches, int epoch)
    {
        var epochSeconds = state.History.Count > 0 ? state.History.Average(e => e.Seconds) : clock.Elapsed.TotalSeconds * batches / batch;
        var leftInEpoch = epochSeconds * (batches - batch) / batches;
        return TimeSpan.FromSeconds(leftInEpoch + (epochSeconds * (options.Epochs - epoch)));
    }
}
