using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EcgScope.Cli;

/// <summary>
/// Options holding a number of hertz, or a count. Parsed with a dot as the decimal separator and nothing else: the
/// default parser would read "250,5" as 2505 (a thousands separator), ten times the intended rate.
/// </summary>
internal static class NumberOption
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; anything else is a usage error naming the option.</summary>
    public static Option<int> Count(string name, string description, int min, int max, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }

            return int.TryParse(result.Tokens[^1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : Refuse<int>(result, $"must be a whole number from {min} to {max}") ?? defaultValue;
        },
    };

    /// <summary>An optional positive frequency in Hz.</summary>
    public static Option<double?> Hertz(string name, string description, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        CustomParser = Parse,
    };

    /// <summary>An optional frequency in Hz that must be one of <paramref name="allowed"/>.</summary>
    public static Option<double?> OneOf(string name, string description, params double[] allowed) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var value = Parse(result);
            return value is { } hertz && !allowed.Contains(hertz)
                ? Refuse<double>(result, $"must be {string.Join(" or ", allowed.Select(a => a.ToString(CultureInfo.InvariantCulture)))} Hz")
                : value;
        },
    };

    private static double? Parse(ArgumentResult result)
    {
        var text = result.Tokens[^1].Value;
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : Refuse<double>(result, "not a positive number of hertz (use a dot for decimals, e.g. 512.5)");
    }

    private static T? Refuse<T>(ArgumentResult result, string why)
        where T : struct
    {
        var option = (result.Parent as OptionResult)?.Option.Name ?? "value";
        result.AddError($"{option} {result.Tokens[^1].Value}: {why}.");
        return null;
    }
}
