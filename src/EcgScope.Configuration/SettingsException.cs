namespace EcgScope.Configuration;

/// <summary>A setting that cannot be used, named by its key (<c>Web:MaxFiles</c>) and where it came from.</summary>
/// <param name="key">The setting's key.</param>
/// <param name="message">What is wrong with it and what it accepts.</param>
/// <param name="inner">The binder's error, when a value could not be converted.</param>
public sealed class SettingsException(string key, string message, Exception? inner = null) : Exception($"{key}: {message}", inner)
{
    /// <summary>The setting's key.</summary>
    public string Key { get; } = key;
}
