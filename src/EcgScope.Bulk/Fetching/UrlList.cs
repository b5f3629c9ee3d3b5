using EcgScope.Core;

namespace EcgScope.Bulk.Fetching;

/// <summary>Reads a list of URLs: one per line; blank lines and lines starting with '#' are skipped.</summary>
public static class UrlList
{
    /// <summary>The distinct URLs of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="EcgFormatException">A line is not an absolute http or https URL (the message gives the line).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<Uri> Read(string path)
    {
        var urls = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!Uri.TryCreate(line, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new EcgFormatException(path, $"'{line}' is not an absolute http or https URL", number);
            }

            if (seen.Add(url.OriginalString))
            {
                urls.Add(url);
            }
        }

        return urls;
    }
}
