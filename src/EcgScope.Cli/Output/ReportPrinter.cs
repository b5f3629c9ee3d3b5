using System.Text.Json;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Output;

/// <summary>Prints a command's result in the chosen format.</summary>
internal static class ReportPrinter
{
    /// <summary>Writes <paramref name="report"/> as JSON or text.</summary>
    public static void Print<TReport>(TReport report, OutputFormat format, TextWriter writer)
        where TReport : ITextReport
    {
        if (format == OutputFormat.Json)
        {
            writer.WriteLine(JsonSerializer.Serialize(report, ReportJson.Options));
        }
        else
        {
            report.WriteText(writer);
        }
    }
}
