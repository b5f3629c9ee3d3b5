using EcgScope.Core;
using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Verdicts;

/// <summary>A model that could not read a record, and why (a lead it needs is missing, the record is too short).</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Reason">Why it could not run, for a person.</param>
public sealed record NotApplicableModel(string Model, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Model}: {Reason}";
}

/// <summary>Every chosen model's verdict on one record, and the models that could not read it.</summary>
/// <param name="Verdicts">One verdict per model that ran, in the order asked.</param>
/// <param name="NotApplicable">The models left out, with the reason.</param>
public sealed record RecordClassification(IReadOnlyList<ModelVerdict> Verdicts, IReadOnlyList<NotApplicableModel> NotApplicable)
{
    /// <summary>Runs each of <paramref name="models"/> that can read <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="registry">Where the models are loaded from (once each; safe to share between threads).</param>
    /// <param name="models">The cards of the models to run.</param>
    /// <param name="explain">Whether to add where in the trace each verdict came from.</param>
    /// <param name="cancellationToken">Checked between models.</param>
    public static RecordClassification Run(
        EcgRecord record, ModelRegistry registry, IEnumerable<ModelCard> models, bool explain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(models);
        var verdicts = new List<ModelVerdict>();
        var notApplicable = new List<NotApplicableModel>();
        foreach (var card in models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InputPreparer.Unreadable(record, card.Input) is { } reason)
            {
                notApplicable.Add(new NotApplicableModel(card.Name, reason));
            }
            else
            {
                verdicts.Add(EcgClassifier.Classify(record, registry.Load(card.Name), explain));
            }
        }

        return new RecordClassification(verdicts, notApplicable);
    }
}
