using System.CommandLine;
using System.Text.Json;

namespace EcgScope.Cli.Tests;

/// <summary>Runs the real <c>ecgscope</c> command tree in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = EcgScopeCommand.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The output parsed as JSON (fails the test when it is not JSON).</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}
