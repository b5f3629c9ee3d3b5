using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcgScope.Cli.Output;

/// <summary>Prints a command's result in the chosen format.</summary>
internal static class ReportPrinter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new FiniteDoubleConverter() },
    };

    /// <summary>Writes <paramref name="report"/> as JSON or text.</summary>
    public static void Print<TReport>(TReport report, OutputFormat format, TextWriter writer)
        where TReport : ITextReport
    {
        if (format == OutputFormat.Json)
        {
            writer.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            report.WriteText(writer);
        }
    }
}
