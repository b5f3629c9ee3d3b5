using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Core;

namespace EcgScope.Cli;

/// <summary>Runs a command's work and maps expected failures (bad input) to a clear message and exit code 2.</summary>
internal static class CommandRunner
{
    /// <summary>Exit code when the command worked.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input could not be used.</summary>
    public const int InputError = 2;

    /// <summary>Prints the report <paramref name="work"/> produces, or the error that stopped it.</summary>
    public static int Run<TReport>(ParseResult parse, OutputFormat format, Func<TReport> work)
        where TReport : ITextReport
    {
        var output = parse.InvocationConfiguration.Output;
        try
        {
            ReportPrinter.Print(work(), format, output);
            return Success;
        }
        catch (Exception exception) when (IsInputError(exception))
        {
            var error = ErrorReport.From(exception);
            ReportPrinter.Print(error, format, format == OutputFormat.Json ? output : parse.InvocationConfiguration.Error);
            return InputError;
        }
    }

    private static bool IsInputError(Exception exception) =>
        exception is EcgFormatException or FileNotFoundException or DirectoryNotFoundException or ArgumentException
            or UnauthorizedAccessException;
}
