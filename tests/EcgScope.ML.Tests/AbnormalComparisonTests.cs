using EcgScope.ML.Evaluation;
using EcgScope.Testing;

namespace EcgScope.ML.Tests;

public sealed class AbnormalComparisonTests
{
    [Fact]
    public void Both_models_are_scored_on_the_lstms_records_and_the_rhythm_score_leaves_noisy_out()
    {
        var root = TestData.TempFolder();
        var lstm = Path.Combine(root, "lstm");
        var rhythm = Path.Combine(root, "rhythm");
        // LSTM: A and B normal, C and D abnormal, ranked perfectly. Rhythm: four classes, E is Noisy (not in the LSTM's set).
        Write(lstm, ("A", 0, [2, -2]), ("B", 0, [1, -1]), ("C", 1, [-1, 1]), ("D", 1, [0, 0.5]));
        Write(rhythm, ("A", 0, [3, 0, 0, 0]), ("B", 0, [0, 1, 0, 0]), ("C", 1, [0, 3, 0, 0]), ("D", 2, [0, 0, 3, 0]), ("E", 3, [0, 0, 0, 3]));

        var figures = AbnormalComparison.Of(lstm, rhythm);

        Assert.All(figures, f => Assert.Equal(4, f.Records));
        Assert.Equal(1, figures[0].Auroc.Estimate, 12);
        Assert.Equal(1, figures[0].F1, 12);
        Assert.Equal(1, figures[1].Auroc.Estimate, 12);
        Assert.Equal(0.8, figures[1].F1, 12); // B's P(AF) makes it "abnormal": 2 TP, 1 FP
    }

    private static void Write(string directory, params (string Record, int Label, double[] Logits)[] rows)
    {
        var fold = Path.Combine(directory, "fold1");
        Directory.CreateDirectory(fold);
        var predictions = rows.Select(r => new RecordPrediction(r.Record, r.Label, r.Logits)).ToList();
        FoldPredictions.WriteCsv(Path.Combine(fold, "validation.csv"), predictions);
        FoldPredictions.WriteCsv(Path.Combine(fold, "test.csv"), predictions);
    }
}
