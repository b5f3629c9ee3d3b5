using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Inference.Explanations;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;
using EcgScope.Signal.Features;

namespace EcgScope.Inference.Verdicts;

/// <summary>
/// The vote of a model's <see cref="FeatureCompanion"/>: the rhythm features of the lead the network reads, at the rate
/// it was recorded, through the companion's trees; mixed into the network's probabilities, and explained by the
/// features' Shapley values.
/// </summary>
internal sealed class CompanionVote
{
    /// <summary>The measures a verdict names (the largest Shapley values).</summary>
    public const int ReportedMeasures = 5;

    private readonly FeatureCompanion companion;
    private readonly OnnxModel trees;
    private readonly double[] features;

    private CompanionVote(FeatureCompanion companion, OnnxModel trees, double[] features, double[] probabilities)
    {
        this.companion = companion;
        this.trees = trees;
        this.features = features;
        Probabilities = probabilities;
    }

    /// <summary>The trees' probabilities, in the card's class order.</summary>
    public double[] Probabilities { get; }

    /// <summary>The companion's vote on <paramref name="record"/>, or null when <paramref name="model"/> has no companion.</summary>
    public static CompanionVote? Cast(LoadedModel model, EcgRecord record)
    {
        if (model.Card.Companion is not { } companion || model.Companion is not { } trees)
        {
            return null;
        }

        var lead = InputPreparer.Pick(record, model.Card.Input);
        var features = RhythmFeatures.Compute(lead);
        return new CompanionVote(companion, trees, features, Run(companion, trees, features));
    }

    /// <summary>
    /// The mean of the network's <paramref name="network"/> probabilities and the trees', the trees weighing the
    /// companion's share, tempered with the companion's mixture temperature.
    /// </summary>
    public double[] Mix(double[] network) =>
        Verdicts.Probabilities.Temper(Verdicts.Probabilities.Mix(network, Probabilities, companion.Share), companion.MixtureTemperature);

    /// <summary>
    /// The <see cref="ReportedMeasures"/> features that moved the mixed probability of <paramref name="classIndex"/>
    /// most: KernelSHAP of the trees' probability against the training medians, times the trees' share (their effect on
    /// the mean before its final temperature, which keeps their order).
    /// </summary>
    public ImmutableArray<MeasureContribution> Explain(int classIndex)
    {
        var names = companion.Features.Names;
        var values = KernelShap.ValuesBatched(rows => [.. Run(companion, trees, rows).Select(p => p[classIndex])], features, companion.Baseline);
        return
        [
            .. Enumerable.Range(0, names.Length)
                .OrderByDescending(i => Math.Abs(values[i]))
                .Take(ReportedMeasures)
                .Select(i => new MeasureContribution(
                    names[i], RhythmFeatures.Aspect(names[i]), double.IsFinite(features[i]) ? features[i] : null, companion.Share * values[i])),
        ];
    }

    private static double[] Run(FeatureCompanion companion, OnnxModel trees, double[] features) => Run(companion, trees, [features])[0];

    /// <summary>The trees' calibrated probabilities for each feature row, in one inference run.</summary>
    private static double[][] Run(FeatureCompanion companion, OnnxModel trees, IReadOnlyList<double[]> rows)
    {
        var width = companion.Features.Names.Length;
        var input = new float[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            companion.Features.Prepare(companion.Features.Names, rows[r]).CopyTo(input, r * width);
        }

        var logits = trees.Run(input, rows.Count, width).Logits;
        var classes = logits.Length / rows.Count;
        return
        [
            .. Enumerable.Range(0, rows.Count).Select(r => Verdicts.Probabilities.Softmax(
                [.. logits.AsSpan(r * classes, classes).ToArray().Select(logit => (double)logit)], companion.Temperature)),
        ];
    }
}
