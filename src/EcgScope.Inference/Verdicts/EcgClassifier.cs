using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Inference.Explanations;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Verdicts;

/// <summary>
/// Runs one model on one record: the card's preprocessing, ONNX Runtime, the mean of the windows' logits (as the
/// model was validated), temperature scaling, the vote of the card's feature companion if it has one, the card's
/// rules for "inconclusive", and optionally where in the trace (and which measures) the verdict came from.
/// </summary>
public static class EcgClassifier
{
    /// <summary>The verdict of <paramref name="model"/> on <paramref name="record"/>.</summary>
    public static ModelVerdict Classify(EcgRecord record, LoadedModel model, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(model);
        var card = model.Card;
        var conditioned = InputPreparer.Condition(record, card.Input);
        var prepared = InputPreparer.PrepareConditioned(conditioned, card.Input);
        var output = model.Onnx.Run(prepared, explain ? OnnxMaps.ClassActivation : OnnxMaps.None);
        var networkProbabilities = Calibrated(card, WindowLogits.Mean(output.Logits, output.Classes, output.Rows));
        var vote = CompanionVote.Cast(model, record);
        var probabilities = vote?.Mix(networkProbabilities) ?? networkProbabilities;
        var chosen = Choose(card, probabilities);
        var reason = InconclusiveReason(card, record, conditioned.LeadNames, probabilities, chosen);

        // A withheld verdict has nothing to explain: shading "where AF was" would say what the model would not.
        var explained = explain && reason is null && chosen.Length > 0;
        var explanations = explained ? Explain(model, output, prepared, chosen[0]) : [];
        var measures = explained && vote is not null ? vote.Explain(card.ClassIndex(chosen[0])) : [];
        return new ModelVerdict
        {
            Model = card.Name,
            Classes = reason is null ? chosen : [],
            InconclusiveReason = reason,
            Probabilities = [.. card.Classes.Select((c, i) => new ClassProbability(c.Name, probabilities[i]))],
            LeadName = conditioned.Leads[0].Name,
            Explanations = explanations,
            Measures = measures,
            Summary = VerdictWording.Summary(card, chosen, probabilities, reason, explanations.FirstOrDefault(), measures),
        };
    }

    private static double[] Calibrated(ModelCard card, double[] logits) => card.Task == ModelTask.SingleLabel
        ? Probabilities.Softmax(logits, card.Calibration.Temperature)
        : Probabilities.Sigmoid(logits, card.Calibration.Temperature);

    /// <summary>The class activation map where the network gives one, then occlusion, for the class <paramref name="className"/>.</summary>
    private static ImmutableArray<Relevance> Explain(LoadedModel model, OnnxModelOutput output, PreparedInput prepared, string className)
    {
        var card = model.Card;
        var classIndex = card.ClassIndex(className);
        var occlusion = Occlusion.Relevance(
            prepared,
            output.Logits,
            card.Input.SampleRateHz,
            className,
            (windows, count) => model.Onnx.Run(windows, count, prepared.LeadCount, prepared.WindowSamples).Logits,
            logits => Calibrated(card, logits)[classIndex]);
        return output.ClassActivation is null
            ? [occlusion]
            : [ClassActivation.Relevance(output, prepared, card, classIndex), occlusion];
    }

    /// <summary>The argmax for a single-label model; every class at or above one half for a multi-label one.</summary>
    private static ImmutableArray<string> Choose(ModelCard card, double[] probabilities)
    {
        if (card.Task == ModelTask.MultiLabel)
        {
            return [.. card.Classes.Where((_, i) => probabilities[i] >= 0.5).Select(c => c.Name)];
        }

        var best = Probabilities.ArgMax(probabilities);
        return [card.Classes[best].Name];
    }

    private static string? InconclusiveReason(ModelCard card, EcgRecord record, IEnumerable<string> leadsRead, double[] probabilities, ImmutableArray<string> chosen)
    {
        var decision = card.Decision;
        if (decision.RequireAcceptableQuality && QualityGate.Reason(record, leadsRead) is { } quality)
        {
            return quality;
        }

        if (chosen.Length == 1 && decision.InconclusiveClasses.Contains(chosen[0]))
        {
            return "the model reads the recording as too noisy to judge";
        }

        if (card.Task == ModelTask.SingleLabel && probabilities.Max() < decision.MinimumProbability)
        {
            return $"no class reaches the probability this model needs to answer ({decision.MinimumProbability:0.00})";
        }

        return null;
    }
}
