namespace EcgScope.Web.Analyses;

/// <summary>The sample recordings shipped with the app (samples/ beside it), to try EcgScope without a file.</summary>
public static class BundledSamples
{
    /// <summary>The folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>The samples' names (a WFDB record's name, its header's file name without .hea).</summary>
    public static IReadOnlyList<string> Names =>
        Directory.Exists(Folder) ? [.. Directory.EnumerateFiles(Folder, "*.hea").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)] : [];

    /// <summary>The header of sample <paramref name="name"/>, or null when there is no such sample (never a path outside the folder).</summary>
    public static string? HeaderPath(string name) => Names.Contains(name, StringComparer.Ordinal) ? Path.Combine(Folder, name + ".hea") : null;
}
