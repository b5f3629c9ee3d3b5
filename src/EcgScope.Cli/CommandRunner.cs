using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Core;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli;

/// <summary>Runs a command's work and maps expected failures (bad input) to a clear message and exit code 2.</summary>
internal static class CommandRunner
{
    /// <summary>Exit code when the command worked.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input could not be used.</summary>
    public const int InputError = 2;

    /// <summary>Exit code for a fault of EcgScope's own (sysexits' EX_SOFTWARE).</summary>
    public const int InternalError = 70;

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
            PrintError(parse, format, ErrorReport.From(exception));
            return InputError;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug of ours: say so in one line (JSON stays JSON) rather than dumping a stack trace on the user.
            var details = Environment.GetEnvironmentVariable("ECGSCOPE_DEBUG") is { Length: > 0 } ? exception.ToString() : exception.Message;
            PrintError(parse, format, new ErrorReport($"internal error ({exception.GetType().Name}): {details}. Please report it; set ECGSCOPE_DEBUG=1 for the stack trace."));
            return InternalError;
        }
    }

    private static void PrintError(ParseResult parse, OutputFormat format, ErrorReport error) =>
        ReportPrinter.Print(error, format, format == OutputFormat.Json ? parse.InvocationConfiguration.Output : parse.InvocationConfiguration.Error);

    private static bool IsInputError(Exception exception) =>
        exception is EcgFormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
            or UsageException;
}
