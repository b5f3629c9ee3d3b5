using Microsoft.Extensions.Configuration;

namespace EcgScope.Configuration;

/// <summary>
/// Builds EcgScope's configuration: defaults, then ecgscope.json, then <c>ECGSCOPE__</c> environment variables, then
/// command-line flags, each overriding the one before; binds and validates it with errors naming the key.
/// </summary>
public static class EcgScopeConfiguration
{
    /// <summary>The configuration file's name.</summary>
    public const string FileName = "ecgscope.json";

    /// <summary>The environment variables' prefix: <c>ECGSCOPE__Web__MaxFiles</c> sets <c>Web:MaxFiles</c>.</summary>
    public const string EnvironmentPrefix = "ECGSCOPE__";

    /// <summary>
    /// The file read when none is named: ./ecgscope.json if there is one, else ~/.config/ecgscope/ecgscope.json if there is
    /// one, else none.
    /// </summary>
    public static string? DefaultFile =>
        new[] { Path.GetFullPath(FileName), Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "ecgscope", FileName) }
            .FirstOrDefault(File.Exists);

    /// <summary>Adds EcgScope's sources, in their order, to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder (the web app's already holds its appsettings.json: ecgscope.json overrides it).</param>
    /// <param name="file">The configuration file to read (it must exist), or null for <see cref="DefaultFile"/>.</param>
    /// <param name="flags">Settings from command-line flags, by key; they win over everything.</param>
    /// <exception cref="SettingsException">The named file does not exist.</exception>
    public static IConfigurationBuilder AddEcgScope(this IConfigurationBuilder builder, string? file = null, IEnumerable<KeyValuePair<string, string?>>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (file is not null && !File.Exists(file))
        {
            throw new SettingsException("--config", $"no configuration file at {Path.GetFullPath(file)}.");
        }

        if ((file ?? DefaultFile) is { } path)
        {
            builder.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        return flags is null ? builder : builder.AddInMemoryCollection(flags);
    }

    /// <summary>The settings of <paramref name="configuration"/>, validated.</summary>
    /// <exception cref="SettingsException">A value cannot be converted, or breaks a rule; the message names the key.</exception>
    public static EcgScopeSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new EcgScopeSettings();
        try
        {
            configuration.Bind(settings, binder => binder.ErrorOnUnknownConfiguration = false);
        }
        catch (InvalidOperationException exception)
        {
            throw new SettingsException(KeyOf(exception.Message), exception.Message, exception);
        }

        SettingsValidator.Validate(settings);
        return settings;
    }

    /// <summary>Builds the configuration from <paramref name="file"/>, the environment and <paramref name="flags"/>, and binds it.</summary>
    public static (EcgScopeSettings Settings, IConfigurationRoot Root) Load(string? file = null, IEnumerable<KeyValuePair<string, string?>>? flags = null)
    {
        var root = new ConfigurationBuilder().AddEcgScope(file, flags).Build();
        return (Bind(root), root);
    }

    /// <summary>The key in the binder's "Failed to convert configuration value at 'Web:MaxFiles' to type …".</summary>
    private static string KeyOf(string message)
    {
        var start = message.IndexOf(" at '", StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 5);
        return end > start ? message[(start + 5)..end] : "configuration";
    }
}
