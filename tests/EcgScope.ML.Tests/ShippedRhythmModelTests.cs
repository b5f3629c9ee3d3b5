using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Packaging;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>The shipped rhythm model, served by ONNX Runtime from models/, reproduces the figure its card states.</summary>
public sealed class ShippedRhythmModelTests
{
    [Fact]
    public void The_card_figure_on_its_fixed_slice_of_held_out_records_is_reproduced_within_0_02()
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var model = registry.Load(RhythmCnn.Name);
        var records = Cinc2017.Load(TestData.Require("cinc2017"));
        var folds = StratifiedFolds.Assign([.. records.Select(r => r.Label)], 5, new Training.TrainingOptions().Seed);
        var slice = records.Where((_, i) => folds[i] == RhythmCnnPackage.ShippedFold - 1).Take(RhythmCnnPackage.SliceRecords).ToArray();

        var predictions = slice.Select(record =>
        {
            var verdict = EcgClassifier.Classify(EcgFile.Read(record.Path), model);
            return Probabilities.ArgMax([.. verdict.Probabilities.Select(p => p.Probability)]);
        }).ToArray();

        var score = ChallengeScore.Cinc2017([.. slice.Select(r => r.Label)], predictions);
        Assert.Equal(model.Card.Metrics["sliceChallengeF1"], score, 0.02);
    }
}
