using EcgScope.Inference.Verdicts;
using EcgScope.ML.Datasets;
using EcgScope.ML.Training;

namespace EcgScope.ML.Evaluation;

/// <summary>
/// The figures of a PTB-XL superclass run on the test fold (10), as the PTB-XL benchmark reports them: macro AUROC
/// over the five superclasses and each class's AUROC, with bootstrap intervals; calibration by one temperature shared
/// by the five outputs, fitted on the validation fold (9), with the expected calibration error of each output's
/// yes/no decision before and after.
/// </summary>
public sealed record SuperclassEvaluation
{
    private const int Seed = 2017;

    /// <summary>Test records.</summary>
    public required int Records { get; init; }

    /// <summary>Macro AUROC on the test fold, with its interval.</summary>
    public required ConfidenceInterval MacroAuroc { get; init; }

    /// <summary>AUROC per superclass (NORM, MI, STTC, CD, HYP), with intervals.</summary>
    public required IReadOnlyList<ConfidenceInterval> ClassAuroc { get; init; }

    /// <summary>Macro AUROC on the validation fold, which chose the epoch: optimistic.</summary>
    public required double ValidationMacroAuroc { get; init; }

    /// <summary>The fitted temperature.</summary>
    public required double Temperature { get; init; }

    /// <summary>ECE of the outputs' decisions on the test fold before scaling.</summary>
    public required double EceBefore { get; init; }

    /// <summary>ECE of the outputs' decisions on the test fold after scaling.</summary>
    public required double EceAfter { get; init; }

    /// <summary>The reliability curve of the outputs' yes/no decisions before temperature scaling.</summary>
    public required IReadOnlyList<ReliabilityBin> ReliabilityBefore { get; init; }

    /// <summary>The same after scaling.</summary>
    public required IReadOnlyList<ReliabilityBin> ReliabilityAfter { get; init; }

    /// <summary>Each test record's logits (NORM, MI, STTC, CD, HYP), in the order of the run's <c>test.csv</c>.</summary>
    public required IReadOnlyList<double[]> TestLogits { get; init; }

    /// <summary>Each test record's targets, in the same order.</summary>
    public required IReadOnlyList<bool[]> TestTargets { get; init; }

    /// <summary>Evaluates the predictions in <paramref name="runDirectory"/> (<c>validation.csv</c>, <c>test.csv</c>) against <paramref name="records"/>' targets.</summary>
    public static SuperclassEvaluation Of(string runDirectory, IReadOnlyList<PtbXlRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var targetsByName = records.ToDictionary(r => r.Record.Name, r => r.Record.Targets.ToArray(), StringComparer.Ordinal);
        var validation = FoldPredictions.ReadCsv(Path.Combine(runDirectory, "validation.csv"));
        var test = FoldPredictions.ReadCsv(Path.Combine(runDirectory, "test.csv"));
        bool[][] Targets(IEnumerable<RecordPrediction> predictions) => [.. predictions.Select(p => targetsByName[p.Record])];
        var validationTargets = Targets(validation);
        var testTargets = Targets(test);
        var temperature = TemperatureScaling.FitSigmoid(
            [.. validation.SelectMany(p => p.Logits)], [.. validationTargets.SelectMany(t => t)]);
        var scores = test.Select(p => p.Logits).ToArray();
        var (before, beforeCorrect) = Decisions(scores, testTargets, 1);
        var (after, afterCorrect) = Decisions(scores, testTargets, temperature);
        return new SuperclassEvaluation
        {
            Records = test.Count,
            MacroAuroc = Bootstrap.Interval(test.Count, sample => MultiLabelObjective.MacroAuroc(Subsets.Pick(scores, sample), Subsets.Pick(testTargets, sample)), Seed),
            ClassAuroc = [.. Enumerable.Range(0, PtbXl.Superclasses.Length).Select(c => Bootstrap.Interval(
                test.Count, sample => RankingMetrics.Auroc([.. sample.Select(i => scores[i][c])], [.. sample.Select(i => testTargets[i][c])]), Seed))],
            ValidationMacroAuroc = MultiLabelObjective.MacroAuroc([.. validation.Select(p => p.Logits)], validationTargets),
            Temperature = temperature,
            EceBefore = Calibration.ExpectedCalibrationError(before, beforeCorrect),
            EceAfter = Calibration.ExpectedCalibrationError(after, afterCorrect),
            ReliabilityBefore = Calibration.ReliabilityCurve(before, beforeCorrect),
            ReliabilityAfter = Calibration.ReliabilityCurve(after, afterCorrect),
            TestLogits = scores,
            TestTargets = testTargets,
        };
    }

    /// <summary>
    /// The difference of the test macro AUROC of the run in <paramref name="runDirectory"/> minus that in
    /// <paramref name="otherRunDirectory"/>, with a paired bootstrap interval: both are scored on the same resamples of
    /// the test records, so the interval is that of the difference, narrower than the two intervals side by side.
    /// </summary>
    public static ConfidenceInterval MacroAurocDifference(string runDirectory, string otherRunDirectory, IReadOnlyList<PtbXlRecord> records, int seed)
    {
        ArgumentNullException.ThrowIfNull(records);
        var targetsByName = records.ToDictionary(r => r.Record.Name, r => r.Record.Targets.ToArray(), StringComparer.Ordinal);
        var test = FoldPredictions.ReadCsv(Path.Combine(runDirectory, "test.csv"));
        var otherByName = FoldPredictions.ReadCsv(Path.Combine(otherRunDirectory, "test.csv")).ToDictionary(p => p.Record, p => p.Logits, StringComparer.Ordinal);
        if (otherByName.Count != test.Count || test.Any(p => !otherByName.ContainsKey(p.Record)))
        {
            throw new InvalidDataException($"{runDirectory} and {otherRunDirectory} hold predictions for different test records; a paired comparison needs the same ones.");
        }

        var scores = test.Select(p => p.Logits).ToArray();
        var otherScores = test.Select(p => otherByName[p.Record]).ToArray();
        var targets = test.Select(p => targetsByName[p.Record]).ToArray();
        return Bootstrap.Interval(test.Count, sample =>
        {
            var sampleTargets = Subsets.Pick(targets, sample);
            return MultiLabelObjective.MacroAuroc(Subsets.Pick(scores, sample), sampleTargets) - MultiLabelObjective.MacroAuroc(Subsets.Pick(otherScores, sample), sampleTargets);
        }, seed);
    }

    /// <summary>Every output's yes/no decision: confidence max(p, 1 − p), correct when the decision matches the target.</summary>
    private static (double[] Confidences, bool[] Correct) Decisions(double[][] logits, bool[][] targets, double temperature)
    {
        var probabilities = logits.SelectMany(row => row.Select(z => Probabilities.Sigmoid(z, temperature))).ToArray();
        var truth = targets.SelectMany(t => t).ToArray();
        return ([.. probabilities.Select(p => Math.Max(p, 1 - p))], [.. probabilities.Select((p, i) => (p >= 0.5) == truth[i])]);
    }
}
