using System.CommandLine;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope models</c>: the trained models, each with its card.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var models = new ModelOptions();
        var format = new CommonOptions().Format;
        var command = new Command("models", "List the trained models: what each reads, its classes, headline figures and card.") { format };
        models.AddTo(command);
        command.SetAction((parse, _) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            using var registry = models.OpenRegistry(parse);
            return ModelsReport.From(registry);
        })));
        return command;
    }

    /// <summary>The card called <paramref name="name"/> among <paramref name="models"/>; a usage error naming <paramref name="option"/> and listing them otherwise.</summary>
    public static ModelCard Known(IReadOnlyList<ModelCard> models, string name, string option = "--model") =>
        models.FirstOrDefault(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"{option} {name}: no such model; the models are {string.Join(", ", models.Select(card => card.Name))} (see 'ecgscope models').");
}
