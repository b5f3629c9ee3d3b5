using System.CommandLine;
using EcgScope.Configuration;
using Microsoft.Extensions.Configuration;

namespace EcgScope.Cli;

/// <summary>
/// <c>--config FILE</c> and the settings it leads to: the file (or ./ecgscope.json), then <c>ECGSCOPE__</c>
/// variables, then the command's own flags; a bad value is a usage error naming its key.
/// </summary>
internal sealed class CliSettings
{
    /// <summary><c>--config FILE</c>.</summary>
    public Option<FileInfo?> File { get; } = new("--config")
    {
        Description = $"The configuration file (default: ./{EcgScopeConfiguration.FileName}, else ~/.config/ecgscope/{EcgScopeConfiguration.FileName}); see 'ecgscope config show'.",
    };

    /// <summary>Adds <c>--config</c> to <paramref name="command"/>.</summary>
    public void AddTo(Command command) => command.Add(File);

    /// <summary>The effective settings, with <paramref name="flags"/> (key, value or null when not given) on top.</summary>
    /// <exception cref="UsageException">A setting cannot be used; the message starts with its key.</exception>
    public (EcgScopeSettings Settings, IConfigurationRoot Root) Load(ParseResult parse, params (string Key, object? Value)[] flags)
    {
        try
        {
            return EcgScopeConfiguration.Load(
                parse.GetValue(File)?.FullName,
                flags.Where(flag => flag.Value is not null).Select(flag => new KeyValuePair<string, string?>(flag.Key, Convert.ToString(flag.Value, System.Globalization.CultureInfo.InvariantCulture))));
        }
        catch (SettingsException exception)
        {
            throw new UsageException(exception.Message);
        }
    }
}
