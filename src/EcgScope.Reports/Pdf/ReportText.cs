using System.Globalization;
using System.Resources;

namespace EcgScope.Reports.Pdf;

/// <summary>
/// The report's words in one language (ReportText.resx is English, ReportText.nl.resx Dutch; another language is one
/// more resx) and its numbers and dates in that culture's format.
/// </summary>
/// <remarks>
/// A culture without its own resx falls back to English words while keeping its own number and date formats. Every
/// string is a composite format, so a language orders its words and numbers as it needs.
/// </remarks>
internal sealed class ReportText(CultureInfo culture)
{
    private static readonly ResourceManager Resources = new("EcgScope.Reports.Pdf.ReportText", typeof(ReportText).Assembly);

    /// <summary>The culture of words, numbers and dates.</summary>
    public CultureInfo Culture { get; } = culture;

    /// <summary>The string <paramref name="name"/>; throws where no resource file, not even the English one, has it.</summary>
    public string this[string name] =>
        Resources.GetString(name, Culture) ?? throw new MissingManifestResourceException($"The report has no text '{name}'.");

    /// <summary>The string <paramref name="name"/> with <paramref name="arguments"/> formatted in the culture.</summary>
    public string Format(string name, params object?[] arguments) => string.Format(Culture, this[name], arguments);

    /// <summary>A number with <paramref name="format"/> (for example "0.0"), or an en dash where it is absent or not finite.</summary>
    public string Number(double? value, string format) =>
        value is { } number && double.IsFinite(number) ? number.ToString(format, Culture) : "–";

    /// <summary>A moment as the culture writes it (short date and time), with its offset from UTC.</summary>
    public string Moment(DateTimeOffset moment) =>
        string.Create(Culture, $"{moment.ToString("g", Culture)} (UTC{moment.ToString("zzz", Culture)})");

    /// <summary>
    /// A JSON enum value from the documents ("excellent", "irregular") in the reader's language: the resource
    /// <c>{prefix}_{value}</c>, or the value as it is where there is none.
    /// </summary>
    public string Value(string prefix, string value) => Resources.GetString($"{prefix}_{value}", Culture) ?? value;
}
