namespace EcgScope.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable text.</summary>
    Text,

    /// <summary>JSON with camelCase names: the stable interface for scripts.</summary>
    Json,
}
