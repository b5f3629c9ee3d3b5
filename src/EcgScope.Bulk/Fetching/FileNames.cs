namespace EcgScope.Bulk.Fetching;

/// <summary>
/// Turns URLs into file names inside the output folder: the last segment of the URL's path, decoded, with every
/// character that could leave the folder or trouble a file system replaced, and made unique (case-insensitively,
/// so that the folder also works on Windows and macOS) by a <c>-2</c>, <c>-3</c>, … before the extension.
/// </summary>
internal static class FileNames
{
    private const string Fallback = "download";
    private const int MaxLength = 150;
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];
    private static readonly HashSet<string> WindowsDeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A distinct file name for each URL, in order. <paramref name="reserved"/> (URL to file, from the manifest)
    /// keeps the names earlier runs gave, so a rerun finds its files again.
    /// </summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<Uri> urls, IReadOnlyDictionary<string, string> reserved)
    {
        var taken = new HashSet<string>(reserved.Values, StringComparer.OrdinalIgnoreCase);
        return [.. urls.Select(url => reserved.TryGetValue(url.OriginalString, out var name) ? name : Claim(Sanitise(LastSegment(url)), taken))];
    }

    /// <summary>The decoded last segment of <paramref name="url"/>'s path ("" for a bare host or a path ending in '/').</summary>
    public static string LastSegment(Uri url)
    {
        var path = url.AbsolutePath;
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>
    /// <paramref name="name"/> made safe: no separators, control or reserved characters (each becomes '_'), no
    /// leading dot (no hidden files, no "." or ".."), no trailing dot or space, not a Windows device name, at most
    /// 150 characters with the extension kept; "download" when nothing is left.
    /// </summary>
    public static string Sanitise(string name)
    {
        var cleaned = new string([.. name.Select(c => char.IsControl(c) || Forbidden.Contains(c) ? '_' : c)]).TrimEnd('.', ' ').Trim();
        if (cleaned.StartsWith('.'))
        {
            cleaned = "_" + cleaned.TrimStart('.');
        }

        if (cleaned.Trim('_').Length == 0)
        {
            return Fallback;
        }

        if (WindowsDeviceNames.Contains(Path.GetFileNameWithoutExtension(cleaned)))
        {
            cleaned = "_" + cleaned;
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length > 16 ? "" : extension;
            cleaned = cleaned[..(MaxLength - extension.Length)] + extension;
        }

        return cleaned;
    }

    private static string Claim(string name, HashSet<string> taken)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var candidate = name;
        for (var number = 2; !taken.Add(candidate); number++)
        {
            candidate = $"{stem}-{number}{extension}";
        }

        return candidate;
    }
}
