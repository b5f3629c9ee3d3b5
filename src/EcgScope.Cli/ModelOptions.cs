using System.CommandLine;
using EcgScope.Configuration;
using EcgScope.Inference.Models;

namespace EcgScope.Cli;

/// <summary>
/// <c>--models-dir</c> and <c>--config</c>: where the models come from and the settings that choose among them
/// (<c>Models:Enabled</c>, <c>Models:MinimumProbability</c>); the flag wins over the configuration.
/// </summary>
internal sealed class ModelOptions
{
    /// <summary><c>--models-dir</c>: another models folder than the one shipped with EcgScope.</summary>
    public Option<DirectoryInfo?> Directory { get; } = new("--models-dir")
    {
        Description = $"The models folder (default: Models:Directory of the configuration, else ${ModelRegistry.DirectoryVariable}, else the models shipped with EcgScope).",
    };

    /// <summary><c>--config</c>.</summary>
    public CliSettings Settings { get; } = new();

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Directory);
        Settings.AddTo(command);
    }

    /// <summary>The effective settings, <c>--models-dir</c> and <paramref name="flags"/> on top.</summary>
    /// <exception cref="UsageException">A setting cannot be used.</exception>
    public EcgScopeSettings Load(ParseResult parse, params (string Key, object? Value)[] flags) =>
        Settings.Load(parse, [("Models:Directory", parse.GetValue(Directory)?.FullName), .. flags]).Settings;

    /// <summary>The registry the settings describe.</summary>
    /// <exception cref="UsageException">A setting cannot be used.</exception>
    public ModelRegistry OpenRegistry(ParseResult parse) => Load(parse).Models.OpenRegistry();
}
