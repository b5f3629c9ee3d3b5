using EcgScope.Core;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Output;

/// <summary>Why a command could not do its work; printed instead of a result, as <c>{"error": {...}}</c> in JSON.</summary>
/// <param name="Error">What went wrong and where.</param>
internal sealed record ErrorReport(ErrorDetail Error) : ITextReport
{
    /// <summary>An error with only a message.</summary>
    public ErrorReport(string message, string? option = null)
        : this(new ErrorDetail(message, option))
    {
    }

    /// <summary>The report for an exception a command is expected to meet (bad input, missing file).</summary>
    public static ErrorReport From(Exception exception) => exception switch
    {
        EcgFormatException format => new(new ErrorDetail(OptionNames.InUserTerms(format.Message), null, format.Source, format.Line, format.ByteOffset)),
        FileNotFoundException missing => new(new ErrorDetail(missing.Message, null, missing.FileName)),
        UsageException usage => new(usage.Message, usage.Option),
        _ => new(exception.Message),
    };

    /// <inheritdoc />
    public void WriteText(TextWriter writer) => writer.WriteLine($"error: {Error.Message}");
}

/// <summary>The parts of an error a script can act on.</summary>
/// <param name="Message">The whole message, with the place in the file.</param>
/// <param name="Option">The option (as typed, e.g. <c>--sampling-rate</c>) the error is about, when it is about one.</param>
/// <param name="File">The file that was being read, when the error is about one.</param>
/// <param name="Line">1-based line of a text file, when known.</param>
/// <param name="ByteOffset">0-based byte offset of a binary file, when known.</param>
internal sealed record ErrorDetail(string Message, string? Option = null, string? File = null, int? Line = null, long? ByteOffset = null);
