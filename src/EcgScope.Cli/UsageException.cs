namespace EcgScope.Cli;

/// <summary>An option value the command cannot work with; its message is written for the person who typed it.</summary>
internal sealed class UsageException(string message) : Exception(message);
