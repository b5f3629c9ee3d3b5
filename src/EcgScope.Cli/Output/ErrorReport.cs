using EcgScope.Core;

namespace EcgScope.Cli.Output;

/// <summary>Why a command could not do its work; printed instead of a result.</summary>
/// <param name="Error">The whole message, with the place in the file.</param>
/// <param name="File">The file that was being read, when the error is about one.</param>
/// <param name="Line">1-based line of a text file, when known.</param>
/// <param name="ByteOffset">0-based byte offset of a binary file, when known.</param>
internal sealed record ErrorReport(string Error, string? File = null, int? Line = null, long? ByteOffset = null) : ITextReport
{
    /// <summary>The report for an exception a command is expected to meet (bad input, missing file).</summary>
    public static ErrorReport From(Exception exception) => exception switch
    {
        EcgFormatException format => new(format.Message, format.Source, format.Line, format.ByteOffset),
        FileNotFoundException missing => new(missing.Message, missing.FileName),
        _ => new(exception.Message),
    };

    /// <inheritdoc />
    public void WriteText(TextWriter writer) => writer.WriteLine($"error: {Error}");
}
