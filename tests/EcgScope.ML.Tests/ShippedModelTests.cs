using EcgScope.Formats;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Models;
using EcgScope.ML.Packaging;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>Each shipped model, served by ONNX Runtime from models/, reproduces the headline figure its card states within 0.02.</summary>
public sealed class ShippedModelTests
{
    [Theory]
    [InlineData(RhythmCnn.Name)]
    [InlineData(RhythmEnsemble.Name)]
    public void Rhythm_model_reproduces_its_figure_on_the_fixed_slice_of_its_held_out_fold(string name)
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var model = registry.Load(name);
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

    [Theory]
    [InlineData(SuperclassCnn.Name)]
    [InlineData(RecurrenceCnn.Name)]
    public void Superclass_model_reproduces_its_macro_auroc_on_ptbxl_test_fold(string name)
    {
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var model = registry.Load(name);
        var test = PtbXl.Load(TestData.Require("ptbxl")).Where(r => r.Fold == PtbXl.TestFold).ToArray();

        var probabilities = test.Select(r => EcgClassifier.Classify(EcgFile.Read(r.Record.Path), model).Probabilities.Select(p => p.Probability).ToArray()).ToArray();

        var macroAuroc = Training.MultiLabelObjective.MacroAuroc(probabilities, [.. test.Select(r => r.Record.Targets.ToArray())]);
        Assert.Equal(model.Card.Metrics["macroAuroc"], macroAuroc, 0.02);
    }
}
