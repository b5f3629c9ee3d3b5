using System.Collections.Immutable;

namespace EcgScope.Bulk.Labelling;

/// <summary>
/// The classes a person labels with, one per key 1..9 in order. Names become folder names on export, so they are
/// letters, digits, spaces, '-' and '_' only, and distinct regardless of case.
/// </summary>
public sealed record LabelClasses
{
    /// <summary>The most classes: one per key 1..9.</summary>
    public const int MaximumCount = 9;

    private LabelClasses(ImmutableArray<string> names) => Names = names;

    /// <summary>The class names, in key order (the first is key 1).</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The classes <paramref name="names"/> give.</summary>
    /// <exception cref="ArgumentException">The names break a rule (<see cref="Problem"/> says which).</exception>
    public static LabelClasses Of(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Problem(names) is { } problem ? throw new ArgumentException(problem, nameof(names)) : new LabelClasses([.. names]);
    }

    /// <summary>What is wrong with <paramref name="names"/> as classes, in words, or null when nothing is.</summary>
    public static string? Problem(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count is 0 or > MaximumCount)
        {
            return $"give 1 to {MaximumCount} classes (keys 1..9), not {names.Count}.";
        }

        if (names.FirstOrDefault(name => name.Trim().Length == 0 || name.Trim() != name || name.Length > 64
            || name.Any(c => !(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'))) is { } bad)
        {
            return $"class '{bad}': a class is 1 to 64 letters, digits, spaces, '-' or '_', without spaces at its ends.";
        }

        return names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } twice
            ? $"class '{twice.Key}' is given twice."
            : null;
    }

    /// <summary>The class of key <paramref name="key"/> ('1' is the first), or null when no class has that key.</summary>
    public string? ForKey(char key) => key is >= '1' and <= '9' && key - '1' < Names.Length ? Names[key - '1'] : null;

    /// <summary>Whether <paramref name="name"/> is one of the classes (exact spelling).</summary>
    public bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);
}
