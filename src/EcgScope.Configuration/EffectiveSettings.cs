using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace EcgScope.Configuration;

/// <summary>One effective setting: its key, its value as used (secrets masked) and where it came from.</summary>
/// <param name="Key">The key (<c>Web:MaxFiles</c>).</param>
/// <param name="Value">The value; <see cref="Masked"/> for a secret.</param>
/// <param name="Source">"default", "file PATH", "environment" or "flag".</param>
public sealed record EffectiveSetting(string Key, string Value, string Source)
{
    /// <summary>What a secret shows instead of its value.</summary>
    public const string Masked = "***";
}

/// <summary>Lists every setting with its effective value and source, for <c>ecgscope config show</c>.</summary>
public static class EffectiveSettings
{
    /// <summary>The keys whose values are never printed.</summary>
    private static readonly string[] SecretWords = ["key", "password", "secret", "token", "connectionstring"];

    /// <summary>Every setting of <paramref name="settings"/> with where <paramref name="root"/> got it, sorted by key.</summary>
    public static IReadOnlyList<EffectiveSetting> List(EcgScopeSettings settings, IConfigurationRoot root)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(root);
        var values = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(settings, "", values);
        foreach (var configured in root.AsEnumerable().Where(pair => pair.Value is not null))
        {
            values.TryAdd(configured.Key, configured.Value!); // set but unknown to the settings: shown, so a typo is visible
        }

        return [.. values.Select(pair => new EffectiveSetting(pair.Key, IsSecret(pair.Key) && pair.Value.Length > 0 ? EffectiveSetting.Masked : pair.Value, SourceOf(root, pair.Key)))];
    }

    private static void Flatten(object node, string prefix, SortedDictionary<string, string> values)
    {
        foreach (var property in node.GetType().GetProperties().Where(p => p.CanWrite))
        {
            var key = prefix + property.Name;
            var value = property.GetValue(node);
            switch (value)
            {
                case null:
                    values[key] = "";
                    break;
                case string or Uri or TimeSpan or bool or int or long or double:
                    values[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    break;
                case IDictionary<string, double> dictionary:
                    foreach (var (name, number) in dictionary)
                    {
                        values[$"{key}:{name}"] = number.ToString(CultureInfo.InvariantCulture);
                    }

                    break;
                case IList<string> list:
                    values[key] = string.Join(", ", list);
                    break;
                default:
                    Flatten(value, key + ":", values);
                    break;
            }
        }
    }

    private static bool IsSecret(string key) =>
        SecretWords.Any(word => key.Replace(":", "", StringComparison.Ordinal).Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string SourceOf(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return provider switch
                {
                    JsonConfigurationProvider json => "file " + Path.Combine((json.Source.FileProvider as PhysicalFileProvider)?.Root ?? "", json.Source.Path ?? ""),
                    EnvironmentVariablesConfigurationProvider => "environment",
                    MemoryConfigurationProvider => "flag",
                    _ => provider.ToString() ?? "configuration",
                };
            }
        }

        return "default";
    }
}
