using System.CommandLine;
using EcgScope.Cli.Commands;

namespace EcgScope.Cli;

/// <summary>The <c>ecgscope</c> command line: a thin shell over the library calls.</summary>
internal static class EcgScopeCommand
{
    /// <summary>Builds the root command with every sub-command.</summary>
    public static RootCommand Create() =>
        new("EcgScope: read, clean and measure ECGs. Measurements only, never a diagnosis.")
        {
            InfoCommand.Create(),
            AnalyzeCommand.Create(),
            BenchmarkCommand.Create(),
        };
}
