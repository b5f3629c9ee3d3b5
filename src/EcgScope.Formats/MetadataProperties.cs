using System.Collections.Immutable;

namespace EcgScope.Formats;

/// <summary>Builds a record's <c>EcgMetadata.Properties</c>, where an absent value leaves its key out rather than storing null.</summary>
internal static class MetadataProperties
{
    /// <summary>Adds <paramref name="name"/> = <paramref name="value"/> unless the value is null.</summary>
    public static void AddIfPresent(this ImmutableDictionary<string, string>.Builder properties, string name, string? value)
    {
        if (value is not null)
        {
            properties.Add(name, value);
        }
    }
}
