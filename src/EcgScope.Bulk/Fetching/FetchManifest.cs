using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcgScope.Bulk.Fetching;

/// <summary>
/// The record of what is in an output folder: <c>manifest.jsonl</c>, one JSON object per URL (url, file, bytes,
/// sha256, status, error, verifiedBy). Each result is appended as soon as it is known, so a crash loses nothing
/// finished; at the end the file is rewritten with the latest line per URL. A line cut short by a crash is ignored.
/// </summary>
public sealed class FetchManifest
{
    /// <summary>The manifest's file name inside the output folder.</summary>
    public const string FileName = "manifest.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // URLs as written ('&', not \u0026): the manifest is read by people and scripts, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Dictionary<string, FetchResult> entries;
    private readonly Lock gate = new();

    private FetchManifest(string path, Dictionary<string, FetchResult> entries)
    {
        Path = path;
        this.entries = entries;
    }

    /// <summary>The manifest file.</summary>
    public string Path { get; }

    /// <summary>The manifest of <paramref name="directory"/>, empty when it has none yet.</summary>
    public static FetchManifest Open(string directory) => OpenFile(System.IO.Path.Combine(directory, FileName));

    /// <summary>The manifest at <paramref name="path"/> (its files lie in its folder), empty when there is none yet.</summary>
    public static FetchManifest OpenFile(string path)
    {
        var entries = new Dictionary<string, FetchResult>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var entry in File.ReadLines(path).Select(Parse).OfType<FetchResult>())
            {
                entries[entry.Url] = entry;
            }
        }

        return new FetchManifest(path, entries);
    }

    /// <summary>
    /// The entry of <paramref name="url"/> when it was downloaded in an earlier run and its file is still there at the
    /// recorded length; null otherwise.
    /// </summary>
    public FetchResult? CompleteEntry(string url, string directory)
    {
        lock (gate)
        {
            return entries.TryGetValue(url, out var entry)
                && entry.Status is FetchStatus.Done or FetchStatus.Skipped
                && new FileInfo(System.IO.Path.Combine(directory, entry.File)) is { Exists: true } file
                && file.Length == entry.Bytes
                ? entry
                : null;
        }
    }

    /// <summary>The files of URLs the manifest lists as complete, by URL.</summary>
    public IReadOnlyDictionary<string, string> CompleteFiles()
    {
        lock (gate)
        {
            return entries.Values.Where(entry => entry.Status is FetchStatus.Done or FetchStatus.Skipped)
                .ToDictionary(entry => entry.Url, entry => entry.File, StringComparer.Ordinal);
        }
    }

    /// <summary>Records <paramref name="result"/> and appends it to the file at once. A skip changes nothing.</summary>
    public void Record(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == FetchStatus.Skipped)
        {
            return;
        }

        lock (gate)
        {
            entries[result.Url] = result;
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(file);
            writer.WriteLine(JsonSerializer.Serialize(result, Json));
        }
    }

    /// <summary>Rewrites the file with one line per URL in URL order, atomically (a new file renamed over the old one).</summary>
    public void Compact()
    {
        lock (gate)
        {
            var temporary = Path + ".tmp";
            File.WriteAllLines(temporary, entries.Values.OrderBy(entry => entry.Url, StringComparer.Ordinal).Select(entry => JsonSerializer.Serialize(entry, Json)));
            File.Move(temporary, Path, overwrite: true);
        }
    }

    /// <summary>
    /// The entry on <paramref name="line"/>, or null for a line that is not one: cut short by a crash, or edited by
    /// hand into something unsafe (a missing URL, a file name that could leave the folder, a negative length).
    /// </summary>
    private static FetchResult? Parse(string line)
    {
        try
        {
            return string.IsNullOrWhiteSpace(line) ? null
                : JsonSerializer.Deserialize<FetchResult>(line, Json) is { Url.Length: > 0, File: { } file, Bytes: >= 0 } entry
                    && FileNames.Sanitise(file) == file ? entry
                : null;
        }
        catch (JsonException)
        {
            // The last line of a run that crashed while appending; its URL is simply fetched again.
            return null;
        }
    }
}
