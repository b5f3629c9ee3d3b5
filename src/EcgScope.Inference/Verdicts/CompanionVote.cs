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

    /// <summary>The mean of the network's <paramref name="network"/> probabilities and the trees', the trees weighing the companion's share.</summary>
    public double[] Mix(double[] network) => Verdicts.Probabilities.Mix(network, Probabilities, companion.Share);

    /// <summary>
    /// The <see cref="ReportedMeasures"/> features that moved the mixed probability of <paramref name="classIndex"/>
    /// most: KernelSHAP of the trees' probability against the training medians, times the trees' share.
    /// </summary>
    public ImmutableArray<MeasureContribution> Explain(int classIndex)
    {
        var names = companion.Features.Names;
        var values = KernelShap.Values(x => Run(companion, trees, x)[classIndex], features, companion.Baseline);
        return
        [
            .. Enumerable.Range(0, names.Length)
                .OrderByDescending(i => Math.Abs(values[i]))
                .Take(ReportedMeasures)
                .Select(i => new MeasureContribution(
                    names[i], RhythmFeatures.Aspect(names[i]), double.IsFinite(features[i]) ? features[i] : null, companion.Share * values[i])),
        ];
    }

    private static double[] Run(FeatureCompanion companion, OnnxModel trees, double[] features)
    {
        var row = companion.Features.Prepare(companion.Features.Names, features);
        var logits = trees.Run(row, 1, row.Length).Logits;
        return Verdicts.Probabilities.Softmax([.. logits.Select(logit => (double)logit)]);
    }
}
