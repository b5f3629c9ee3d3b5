using EcgScope.Core;
using EcgScope.ML.Datasets;
using EcgScope.ML.Models;
using EcgScope.ML.Networks;
using EcgScope.ML.Training;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>
/// One epoch of the rhythm CNN on 64 CinC 2017 records: it trains, checkpoints, resumes without training twice, and
/// a seed gives the same weights every time.
/// </summary>
[Collection(nameof(SeededTorch))]
public sealed class TrainingSmokeTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ecgscope-training-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void One_epoch_on_64_records_checkpoints_resumes_and_repeats()
    {
        var records = Cinc2017.Load(TestData.Require("cinc2017")).Take(96).ToList();
        var set = ConditionedSet.Load(records, RhythmCnn.Input, cancellationToken: TestContext.Current.CancellationToken);
        var training = Enumerable.Range(0, 64).ToArray();
        var validation = Enumerable.Range(64, 32).ToArray();
        var options = new TrainingOptions { Epochs = 1, Seed = 5, Threads = 1 };
        using var objective = new SingleLabelObjective(records, 4, training, RhythmCnn.EpochScore);
        var trainer = new NetworkTrainer(RhythmCnn.Input, options, () => new ResNet1d(RhythmCnn.Shape with { StageWidths = [8, 16] }));

        using var first = trainer.Train(set, training, validation, objective, Path.Combine(directory, "a"), fold: 1, cancellationToken: TestContext.Current.CancellationToken);
        var state = FoldCheckpoint.Read(Path.Combine(directory, "a"));
        Assert.Equal(1, state.EpochsDone);
        Assert.Equal(1, state.BestEpoch);
        Assert.True(double.IsFinite(state.History[0].TrainingLoss) && state.History[0].TrainingLoss > 0);
        Assert.True(File.Exists(Path.Combine(directory, "a", "best.weights")));

        var weightsWritten = File.GetLastWriteTimeUtc(Path.Combine(directory, "a", "last.weights"));
        using var resumed = trainer.Train(set, training, validation, objective, Path.Combine(directory, "a"), fold: 1, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(weightsWritten, File.GetLastWriteTimeUtc(Path.Combine(directory, "a", "last.weights")));

        var otherSeed = new NetworkTrainer(RhythmCnn.Input, options with { Seed = 6 }, () => new ResNet1d(RhythmCnn.Shape with { StageWidths = [8, 16] }));
        var refusal = Assert.Throws<InvalidOperationException>(() => otherSeed.Train(set, training, validation, objective, Path.Combine(directory, "a"), fold: 1, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Seed = 5", refusal.Message, StringComparison.Ordinal);

        using var again = trainer.Train(set, training, validation, objective, Path.Combine(directory, "b"), fold: 1, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(trainer.Predict(first, set, validation), trainer.Predict(again, set, validation));
    }

    [Fact]
    public void A_run_stopped_after_an_epoch_and_resumed_ends_with_the_weights_of_an_unbroken_run()
    {
        var records = Cinc2017.Load(TestData.Require("cinc2017")).Take(64).ToList();
        var set = ConditionedSet.Load(records, RhythmCnn.Input, cancellationToken: TestContext.Current.CancellationToken);
        var training = Enumerable.Range(0, 48).ToArray();
        var validation = Enumerable.Range(48, 16).ToArray();
        var trainer = new NetworkTrainer(RhythmCnn.Input, new TrainingOptions { Epochs = 2, BatchSize = 16, Seed = 9, Threads = 1 }, () => new ResNet1d(RhythmCnn.Shape with { StageWidths = [8, 16] }));
        using var objective = new SingleLabelObjective(records, 4, training, RhythmCnn.EpochScore);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stopAfterFirstEpoch = new SynchronousProgress<TrainingProgress>(p =>
        {
            if (p.Epoch == 1 && p.ValidationScore is not null)
            {
                stop.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Train(set, training, validation, objective, Path.Combine(directory, "stopped"), 1, stopAfterFirstEpoch, stop.Token));
        Assert.Equal(1, FoldCheckpoint.Read(Path.Combine(directory, "stopped")).EpochsDone);

        using var resumed = trainer.Train(set, training, validation, objective, Path.Combine(directory, "stopped"), 1, cancellationToken: TestContext.Current.CancellationToken);
        using var unbroken = trainer.Train(set, training, validation, objective, Path.Combine(directory, "unbroken"), 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            FoldCheckpoint.Read(Path.Combine(directory, "unbroken")).History.Select(e => e.TrainingLoss),
            FoldCheckpoint.Read(Path.Combine(directory, "stopped")).History.Select(e => e.TrainingLoss));
        Assert.Equal(trainer.Predict(unbroken, set, validation), trainer.Predict(resumed, set, validation));
    }

    [Fact]
    public void Epoch_seeds_are_the_same_in_every_process_and_differ_between_epochs_folds_and_streams()
    {
        Assert.Equal(unchecked((((((2017 * 1_000_003) + 1) * 10_007) + 3) * 31) + 0), NetworkTrainer.EpochSeed(2017, 1, 3, 0));
        int[] seeds = [NetworkTrainer.EpochSeed(2017, 1, 3, 0), NetworkTrainer.EpochSeed(2017, 1, 3, 1), NetworkTrainer.EpochSeed(2017, 1, 4, 0), NetworkTrainer.EpochSeed(2017, 2, 3, 0)];
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
