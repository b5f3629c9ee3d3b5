using System.Globalization;

namespace EcgScope.Formats.Text;

/// <summary>
/// Parses plain decimal numbers ("-160.933", "1e-3", and with a decimal comma "-160,933") independently of the
/// machine's culture. Thousands separators are never accepted, so "1,234" is one number only where a decimal comma is
/// expected.
/// </summary>
internal static class DecimalText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private static readonly NumberFormatInfo CommaFormat = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00A0",
    };

    /// <summary>Parses <paramref name="text"/>; with <paramref name="decimalComma"/> the separator is ',' instead of '.'.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool decimalComma, out double value) =>
        double.TryParse(text, Style, decimalComma ? CommaFormat : NumberFormatInfo.InvariantInfo, out value)
        && double.IsFinite(value);

    /// <summary>Parses <paramref name="text"/> accepting either '.' or ',' as the decimal separator.</summary>
    public static bool TryParseEither(ReadOnlySpan<char> text, out double value) =>
        TryParse(text, decimalComma: false, out value) || TryParse(text, decimalComma: true, out value);
}
