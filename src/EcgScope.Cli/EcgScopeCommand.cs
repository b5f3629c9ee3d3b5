using System.CommandLine;
using System.CommandLine.Help;
using EcgScope.Cli.Commands;
using EcgScope.Cli.Output;

namespace EcgScope.Cli;

/// <summary>The <c>ecgscope</c> command line: a thin shell over the library calls.</summary>
internal static class EcgScopeCommand
{
    /// <summary>Builds the root command with every sub-command.</summary>
    public static RootCommand Create() =>
        new("EcgScope: read, clean and measure ECGs. Measurements only, never a diagnosis.")
        {
            InfoCommand.Create(),
            DigitizeCommand.Create(),
            AnalyzeCommand.Create(),
            BenchmarkCommand.Create(),
            ClassifyCommand.Create(),
            ModelsCommand.Create(),
            FetchCommand.Create(),
            BatchCommand.Create(),
            ConfigCommand.Create(),
            LabelCommand.Create(),
            TrainCommand.Create(),
            RenderCommand.Create(),
        };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. The contract scripts rely on: exit 0 on success, 2 for any argument or
    /// input error (printed as <c>error: …</c>, or as <c>{"error": {...}}</c> on standard output with
    /// <c>--format json</c>), 70 only for a fault of EcgScope's own; with <c>--format json</c> standard output holds
    /// JSON only, so help goes to standard error.
    /// </summary>
    public static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        var format = RequestedFormat(args);
        if (args is ["train", .. var trainArguments] && trainArguments is not (["-h"] or ["--help"] or ["-?"]))
        {
            // Its words belong to ecgscope-train, whose options this parser does not know.
            return TrainCommand.Forward(trainArguments, configuration, format);
        }

        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var first = parse.Errors[0];
            var option = (first.SymbolResult as System.CommandLine.Parsing.OptionResult)?.Option.Name;
            var message = string.Join(" ", parse.Errors.Select(error => error.Message))
                + $" (see '{parse.CommandResult.Command.Name} --help')";
            var writer = format == OutputFormat.Json ? configuration.Output : configuration.Error;
            ReportPrinter.Print(new ErrorReport(message, option), format, writer);
            return CommandRunner.InputError;
        }

        if (parse.Action is HelpAction && format == OutputFormat.Json)
        {
            configuration = new InvocationConfiguration { Output = configuration.Error, Error = configuration.Error };
        }

        return parse.Invoke(configuration);
    }

    /// <summary>The format asked for, read from the words themselves so that it holds even when parsing failed.</summary>
    private static OutputFormat RequestedFormat(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i] is "--format" or "-f" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--format=", StringComparison.Ordinal) ? args[i]["--format=".Length..]
                : null;
            if (string.Equals(value, "json", StringComparison.OrdinalIgnoreCase))
            {
                return OutputFormat.Json;
            }
        }

        return OutputFormat.Text;
    }
}
