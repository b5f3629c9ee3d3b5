using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Features;
using EcgScope.Inference;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;
using EcgScope.ML.Trees;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

/// <summary>The digitize → features → trees path on the genuine cardiac-patients printouts.</summary>
public sealed class PrintoutFeatureExperimentTests(ITestOutputHelper output)
{
    [Fact]
    public void Folds_never_split_a_distinct_image_nor_the_release_s_copies_of_it()
    {
        var directory = TestData.Require("cardiac-patients");
        var printouts = CardiacPrintouts.Distinct(directory);
        var folds = PrintoutFeatureExperiment.Folds(printouts, new PrintoutExperimentOptions());
        var copies = CardiacPrintouts.ReleasedFiles(directory, printouts);

        Assert.Equal(491, printouts.Count);
        Assert.Equal(printouts.Count, printouts.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        // Dealt as groups, the release's 928 files get their image's fold, and files with the same content
        // (SHA-256 of the original) all land in one fold.
        var fileFolds = GroupedFolds.Assign(copies, [.. printouts.Select(p => p.Label)], 5, new PrintoutExperimentOptions().Seed);
        Assert.Equal(copies.Select(copy => folds[copy]), fileFolds);
        var shas = File.ReadLines(Path.Combine(directory, "manifest.csv")).Skip(1).Select(line => line.Split(',')[3]).ToArray();
        var foldsBySha = shas.Select((sha, i) => (sha, Fold: fileFolds[i])).GroupBy(p => p.sha, StringComparer.Ordinal);
        Assert.All(foldsBySha, group => Assert.Single(group.Select(p => p.Fold).Distinct()));
        Assert.Equal(printouts.Count, foldsBySha.Count());
        // Stratified: every fold holds about a fifth of each class, the 30 MI images included.
        foreach (var label in printouts.Select(p => p.Label).Distinct())
        {
            var perFold = Enumerable.Range(0, 5).Select(f => printouts.Where((p, i) => p.Label == label && folds[i] == f).Count()).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {label}: {string.Join(",", perFold)}");
        }
    }

    [Fact]
    public void Onnx_export_of_trees_on_printout_features_agrees_with_ml_net()
    {
        var directory = TestData.Require("cardiac-patients");
        var printouts = CardiacPrintouts.Distinct(directory).Where((_, i) => i % 8 == 0).ToArray();
        var options = new PrintoutExperimentOptions(CacheFolder: TestData.TempFolder());
        var table = PrintoutFeatureExperiment.Table(printouts, options, cancellationToken: TestContext.Current.CancellationToken);
        var labels = printouts.Select(p => p.Label).ToArray();
        var training = Enumerable.Range(0, printouts.Length).Where(i => i % 5 != 0).ToArray();
        var held = Enumerable.Range(0, printouts.Length).Where(i => i % 5 == 0).ToArray();

        var model = PrintoutFeatureExperiment.Train(table, labels, training, seed: 3, threads: 2);
        using var onnx = OnnxModel.Load(model.ExportOnnx(), "printout-features");
        var rows = held.Select(i => TreeClassifier.Imputed(table[i])).ToArray();
        var expected = model.PredictProbabilities(rows);
        var logits = onnx.Run([.. rows.SelectMany(row => row.Select(value => (float)value))], rows.Length, PrintoutFeatures.Names.Length);

        var actual = OnnxParity.Softmax(logits.Logits, logits.Classes);
        var difference = OnnxParity.MaxAbsDifference([.. expected.SelectMany(p => p.Select(v => (float)v))], actual);
        output.WriteLine($"{rows.Length} printouts: max |Δp| = {difference:E2}");
        Assert.True(difference < OnnxParity.ProbabilityTolerance, $"probabilities differ by {difference}");
        Assert.All(table, row => Assert.True(double.IsFinite(row[PrintoutFeatures.Names.IndexOf("rhythm.durationSeconds")])));
    }

    [Fact]
    public void Cross_validation_keeps_every_printouts_out_of_fold_prediction_for_the_cards_charts()
    {
        var printouts = CardiacPrintouts.Distinct(TestData.Require("cardiac-patients")).Where((_, i) => i % 8 == 0).ToArray();
        var options = new PrintoutExperimentOptions(Folds: 3, CacheFolder: TestData.TempFolder());
        var table = PrintoutFeatureExperiment.Table(printouts, options, cancellationToken: TestContext.Current.CancellationToken);

        var result = PrintoutFeatureExperiment.CrossValidate(printouts, table, options, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], result.Folds.Select(fold => fold.Fold));
        var tested = result.Folds.SelectMany(fold => fold.Test).ToArray();
        Assert.Equal(printouts.Select(p => p.Name).Order(StringComparer.Ordinal), tested.Select(p => p.Record).Order(StringComparer.Ordinal));
        Assert.All(tested, p => Assert.Equal(printouts.Single(q => q.Name == p.Record).Label, p.Label));
        Assert.All(tested, p => Assert.Equal(1, p.Logits.Sum(Math.Exp), 6)); // log-probabilities
        Assert.Equal(printouts.Length, result.Evaluation.Records);
    }

    [Fact]
    public void Shipped_model_classifies_a_genuine_full_resolution_printout_with_probabilities_summing_to_one()
    {
        var path = TestData.File("images", "cardiac-patients", "abnormal", "HB(1).jpg");
        using var registry = new ModelRegistry(TestData.RepositoryFile("models"));
        var model = registry.LoadFeatures("printout-features");
        var printout = PrintoutDigitizer.Digitize(File.ReadAllBytes(path), Path.GetFileName(path), cancellationToken: TestContext.Current.CancellationToken);

        var verdict = FeatureClassification.Classify(model, PrintoutFeatures.Names, PrintoutFeatures.Compute(printout));

        output.WriteLine($"{string.Join(", ", model.Card.Classes.Select((c, i) => $"{c.Name} {verdict.Probabilities[i]:0.000}"))}; {verdict.InconclusiveReason ?? "conclusive"}");
        Assert.Equal(model.Card.Classes.Length, verdict.Probabilities.Length);
        Assert.Equal(1, verdict.Probabilities.Sum(), 6);
        Assert.All(verdict.Probabilities, p => Assert.InRange(p, 0, 1));
        Assert.Equal(model.Card.Features!.Names, PrintoutFeatures.Names);
        Assert.DoesNotContain("printout-features", registry.Cards.Select(card => card.Name));
    }
}
