using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Core;
using EcgScope.Formats;

namespace EcgScope.Cli;

/// <summary>Options shared by several commands; each command gets its own instances.</summary>
internal sealed class CommonOptions
{
    /// <summary><c>--format json|text</c>.</summary>
    public Option<OutputFormat> Format { get; } = new("--format", "-f")
    {
        Description = "Output format: text for people, json for scripts.",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    /// <summary><c>--sampling-rate</c> for files that do not state one.</summary>
    public Option<double?> SamplingRate { get; } = NumberOption.Hertz(
        "--sampling-rate",
        "Sampling rate in Hz, for files that do not state one (for example a CSV without a time column).",
        "-r");

    /// <summary><c>--unit</c> for files that do not state one.</summary>
    public Option<string?> Unit { get; } = new("--unit")
    {
        Description = "Unit of the values (mV, uV, V), for files that do not state one. Default: mV.",
    };

    /// <summary>Adds the reading options and the format option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Format);
        command.Add(SamplingRate);
        command.Add(Unit);
    }

    /// <summary>What the user told about the file.</summary>
    public EcgReadOptions ReadOptions(ParseResult parse) => new()
    {
        SamplingRate = parse.GetValue(SamplingRate) is { } hertz ? new SamplingRate(hertz) : null,
        Unit = parse.GetValue(Unit),
    };
}
