using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcgScope.Reports.Documents;

/// <summary>The one JSON shape of every report, shared by the CLI and the REST API: camelCase, enums as camelCase strings, NaN as null.</summary>
public static class ReportJson
{
    /// <summary>Serializer options for reports (indented, non-ASCII kept as it is).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Applies the report conventions to <paramref name="options"/> (for a host that owns its options, such as ASP.NET Core).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new FiniteDoubleConverter());
        return options;
    }
}
