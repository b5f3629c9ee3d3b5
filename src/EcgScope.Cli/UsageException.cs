namespace EcgScope.Cli;

/// <summary>
/// An option value the command cannot work with; its message is written for the person who typed it and starts with
/// the option and value, e.g. "--mains 50: ...".
/// </summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>The option the message starts with (e.g. <c>--mains</c>), or null when it starts with none.</summary>
    public string? Option => Message.StartsWith("--", StringComparison.Ordinal) ? Message.Split(' ', ':')[0] : null;
}
