using System.Diagnostics;

namespace EcgScope.Packaging.Tests;

/// <summary>What a child process printed and how it exited.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>The standard output; fails the test, showing everything printed, when the process exited non-zero.</summary>
    public string SucceededOutput()
    {
        Assert.True(ExitCode == 0, $"{Command} exited with {ExitCode}:\n{Output}{Error}");
        return Output;
    }
}

/// <summary>Runs the <c>dotnet</c> command, tools it installed and git as child processes.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet host that runs these tests, else the one on PATH.</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; fails the test when it exits non-zero.</summary>
    public static async Task<string> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        (await RunProgramAsync(Dotnet, workingDirectory, environment, arguments)).SucceededOutput();

    /// <summary>Runs <paramref name="program"/>; fails the test when it outlasts five minutes.</summary>
    public static async Task<ProcessResult> RunProgramAsync(
        string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var command = $"{program} {string.Join(' ', arguments)}";
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} ran longer than {Timeout}.");
        }

        return new ProcessResult(command, process.ExitCode, await output, await error);
    }
}
