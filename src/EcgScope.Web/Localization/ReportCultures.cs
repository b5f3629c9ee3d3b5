using System.Globalization;

namespace EcgScope.Web.Localization;

/// <summary>The languages of the pages and the report: English and Dutch; another is one more resource file and one more name here.</summary>
public static class ReportCultures
{
    /// <summary>The supported cultures, the default first.</summary>
    public static IReadOnlyList<CultureInfo> Supported { get; } = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("nl")];

    /// <summary>The supported culture <paramref name="name"/> belongs to ("nl-BE" is Dutch), else English.</summary>
    public static CultureInfo Resolve(string? name) =>
        Supported.FirstOrDefault(culture => name is not null
            && (string.Equals(name, culture.Name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(culture.Name + "-", StringComparison.OrdinalIgnoreCase)))
        ?? Supported[0];
}
