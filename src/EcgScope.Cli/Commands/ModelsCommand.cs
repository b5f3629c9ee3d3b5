using System.CommandLine;
using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope models</c>: the trained models, each with its card.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var directory = DirectoryOption();
        var format = new CommonOptions().Format;
        var command = new Command("models", "List the trained models: what each reads, its classes, headline figures and card.") { directory, format };
        command.SetAction((parse, _) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            using var registry = OpenRegistry(parse.GetValue(directory));
            return ModelsReport.From(registry);
        })));
        return command;
    }

    /// <summary><c>--models-dir</c>: another models folder than the one shipped with EcgScope.</summary>
    public static Option<DirectoryInfo?> DirectoryOption() => new("--models-dir")
    {
        Description = $"The models folder (default: ${ModelRegistry.DirectoryVariable}, else the models shipped with EcgScope).",
    };

    /// <summary>The registry of <paramref name="directory"/>, or the default one.</summary>
    public static ModelRegistry OpenRegistry(DirectoryInfo? directory) =>
        new(directory?.FullName ?? ModelRegistry.DefaultDirectory);

    /// <summary><paramref name="name"/> if the registry has it; a usage error naming <paramref name="option"/> and listing the models otherwise.</summary>
    public static string KnownName(ModelRegistry registry, string name, string option = "--model") =>
        registry.Cards.Any(card => string.Equals(card.Name, name, StringComparison.OrdinalIgnoreCase))
            ? name
            : throw new UsageException($"{option} {name}: no such model; the models are {string.Join(", ", registry.Cards.Select(card => card.Name))} (see 'ecgscope models').");
}
