namespace EcgScope.Cli;

/// <summary>
/// The library names its inputs as a programmer sees them ("EcgReadOptions.SamplingRate"); a person at the command
/// line typed an option. This turns the one into the other in messages.
/// </summary>
internal static class OptionNames
{
    private static readonly (string Library, string Option)[] Names =
    [
        ("EcgReadOptions.SamplingRate", "--sampling-rate"),
        ("EcgReadOptions.Unit", "--unit"),
    ];

    /// <summary><paramref name="message"/> with library option names replaced by the options a user types.</summary>
    public static string InUserTerms(string message) =>
        Names.Aggregate(message, (text, name) => text.Replace(name.Library, name.Option, StringComparison.Ordinal));
}
