using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Models;

/// <summary>
/// Trains a superclass network on PTB-XL's own split (folds 1-8 train, 9 validation, 10 test) with a share of the
/// training folds (a learning curve: the same validation and test records for every share), writing each run's
/// validation and test logits to <c>train{percent}/</c>. A run whose test file exists is skipped; an unfinished one
/// resumes.
/// </summary>
public static class SuperclassTraining
{
    /// <summary>The training shares of the learning curve, in percent.</summary>
    public static IReadOnlyList<int> DefaultPercents { get; } = [25, 50, 100];

    /// <summary>
    /// Runs every share in <paramref name="percents"/>, each with a fresh network from <paramref name="createNetwork"/>
    /// reading <paramref name="input"/>.
    /// </summary>
    public static void Run(
        string dataDirectory,
        string directory,
        IReadOnlyList<int> percents,
        TrainingOptions options,
        InputSpec input,
        Func<Module<Tensor, Tensor>> createNetwork,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(percents);
        ArgumentNullException.ThrowIfNull(options);
        var records = PtbXl.Load(dataDirectory);
        var set = ConditionedSet.Load([.. records.Select(r => r.Record)], input, cancellationToken: cancellationToken);
        var training = Indices(records, fold => fold < PtbXl.ValidationFold);
        var validation = Indices(records, fold => fold == PtbXl.ValidationFold);
        var test = Indices(records, fold => fold == PtbXl.TestFold);
        var objective = new MultiLabelObjective(set.Records);
        var trainer = new NetworkTrainer(input, options, createNetwork);
        foreach (var percent in percents)
        {
            var runDirectory = Path.Combine(directory, $"train{percent}");
            if (File.Exists(Path.Combine(runDirectory, "test.csv")))
            {
                continue;
            }

            var share = (int[])training.Clone();
            new Random(options.Seed).Shuffle(share);
            share = share[..(int)Math.Round(share.Length * percent / 100.0)];
            Array.Sort(share);
            using var network = trainer.Train(set, share, validation, objective, runDirectory, fold: 0, progress, cancellationToken);
            FoldPredictions.WriteCsv(Path.Combine(runDirectory, "validation.csv"), trainer.Predictions(network, set, validation));
            FoldPredictions.WriteCsv(Path.Combine(runDirectory, "test.csv"), trainer.Predictions(network, set, test));
        }
    }

    private static int[] Indices(IReadOnlyList<PtbXlRecord> records, Func<int, bool> fold) =>
        [.. Enumerable.Range(0, records.Count).Where(i => fold(records[i].Fold))];
}
