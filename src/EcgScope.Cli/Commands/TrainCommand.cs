using System.CommandLine;
using System.Diagnostics;
using EcgScope.Cli.Output;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope train MODEL ...</c>: hands its words, untouched, to the <c>ecgscope-train</c> command, which carries
/// libtorch (about 600 MB) so that this command and the web app do not. That command is looked for in
/// <c>$ECGSCOPE_TRAIN</c>, beside this one, then on <c>PATH</c>.
/// </summary>
internal static class TrainCommand
{
    public const string ToolName = "ecgscope-train";

    private const string ToolVariable = "ECGSCOPE_TRAIN";

    /// <summary>The command as help lists it; <see cref="Forward"/> runs it.</summary>
    public static Command Create() => new("train", $"Train, cross-validate or package a model: runs {ToolName} (TorchSharp, libtorch) with the same words, e.g. 'ecgscope train rhythm-cnn --data DIR --out DIR'.")
    {
        new Argument<string[]>("arguments") { Description = $"The model and its options, as {ToolName} takes them.", Arity = ArgumentArity.ZeroOrMore },
    };

    /// <summary>Runs the training command with <paramref name="arguments"/> and returns its exit code, or says how to get it.</summary>
    public static int Forward(IReadOnlyList<string> arguments, InvocationConfiguration configuration, OutputFormat format)
    {
        var tool = FindTool();
        if (tool is null)
        {
            var message = $"train needs the {ToolName} command (TorchSharp and libtorch, about 600 MB), found neither in ${ToolVariable}, beside ecgscope nor on PATH; " +
                $"in the repository run 'dotnet run -c Release --project src/EcgScope.Training -- {string.Join(' ', arguments)}'.";
            ReportPrinter.Print(new ErrorReport(message), format, format == OutputFormat.Json ? configuration.Output : configuration.Error);
            return CommandRunner.InputError;
        }

        var start = new ProcessStartInfo(tool) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private static string? FindTool()
    {
        if (Environment.GetEnvironmentVariable(ToolVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Prepend(AppContext.BaseDirectory);
        return folders.Where(folder => folder.Length > 0).Select(folder => Path.Combine(folder, ToolName)).FirstOrDefault(File.Exists);
    }
}
