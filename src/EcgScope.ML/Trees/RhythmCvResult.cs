using System.Globalization;
using System.Text;
using EcgScope.ML.Datasets;
using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Trees;

/// <summary>One candidate of the hyper-parameter search and its challenge F1 on the tuning fold.</summary>
public sealed record TuningTrial(TreeOptions Options, double ChallengeF1);

/// <summary>
/// The out-of-fold figures of the rhythm feature model: every record is predicted by the model trained without its
/// fold. <see cref="TunedFold"/> chose the hyper-parameters, so its score is optimistic; the other folds' pooled score
/// (<see cref="UntunedFoldsChallengeF1"/>) is untouched by the choice.
/// </summary>
public sealed record RhythmCvResult(
    int RecordCount,
    int Seed,
    int TunedFold,
    TreeOptions Options,
    IReadOnlyList<TuningTrial> Tuning,
    IReadOnlyList<double> FoldChallengeF1,
    double PooledChallengeF1,
    double UntunedFoldsChallengeF1,
    ConfidenceInterval PooledInterval,
    IReadOnlyList<double> ClassF1,
    IReadOnlyList<double> ClassAuroc,
    double ExpectedCalibrationError,
    ConfusionMatrix Matrix,
    TimeSpan FeatureTime,
    TimeSpan TrainingTime)
{
    /// <summary>The figures as plain text (Markdown tables).</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"records: {RecordCount}; folds: {FoldChallengeF1.Count} (stratified, seed {Seed}); hyper-parameters tuned on fold {TunedFold}: {Options}");
        var spread = FoldSpread.Of(FoldChallengeF1);
        text.AppendLine(c, $"challenge F1 over folds: {spread.Mean:0.0000} ± {spread.StandardDeviation:0.0000} (mean ± SD)");
        text.AppendLine(c, $"challenge F1 pooled out-of-fold: {PooledChallengeF1:0.0000} (bootstrap 95 % {PooledInterval.Lower:0.0000}-{PooledInterval.Upper:0.0000}); pooled over the folds not used for tuning: {UntunedFoldsChallengeF1:0.0000}");
        text.AppendLine(c, $"features: {FeatureTime.TotalSeconds:0} s; tuning and cross-validation: {TrainingTime.TotalSeconds:0} s; ECE (top label, {Calibration.DefaultBins} bins, uncalibrated): {ExpectedCalibrationError:0.0000}");
        text.AppendLine();
        text.AppendLine("| fold | challenge F1 |");
        text.AppendLine("|---|---|");
        for (var fold = 0; fold < FoldChallengeF1.Count; fold++)
        {
            text.AppendLine(c, $"| {fold}{(fold == TunedFold ? " (tuning)" : "")} | {FoldChallengeF1[fold]:0.0000} |");
        }

        text.AppendLine();
        text.AppendLine("| class | F1 | AUROC (one-vs-rest) |");
        text.AppendLine("|---|---|---|");
        for (var k = 0; k < ClassF1.Count; k++)
        {
            text.AppendLine(c, $"| {Cinc2017.ClassNames[k]} | {ClassF1[k]:0.0000} | {ClassAuroc[k]:0.0000} |");
        }

        text.AppendLine();
        text.AppendLine("```");
        text.Append(Matrix.ToText(Cinc2017.ClassNames));
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("| tuning candidate | challenge F1 on the tuning fold |");
        text.AppendLine("|---|---|");
        foreach (var trial in Tuning)
        {
            text.AppendLine(c, $"| {trial.Options} | {trial.ChallengeF1:0.0000} |");
        }

        return text.ToString();
    }
}
