using EcgScope.Bulk.Batch;
using EcgScope.Core;

namespace EcgScope.Bulk.Labelling;

/// <summary>One decision about an item: its class, or skipped.</summary>
/// <param name="Item">The item's path relative to the labelled folder, '/' separated.</param>
/// <param name="Label">The class; null when the item was skipped.</param>
/// <param name="Sha256">The SHA-256 of the item's file (lower-case hex): identical files share it, and the export keeps them on one side of the split.</param>
/// <param name="DecidedAtUtc">When it was decided.</param>
public sealed record LabelEntry(string Item, string? Label, string Sha256, DateTime DecidedAtUtc)
{
    /// <summary>Whether the item was skipped rather than labelled.</summary>
    public bool IsSkipped => Label is null;
}

/// <summary>
/// The labels CSV (RFC 4180, UTF-8): a header <c>item,label,sha256,decidedAtUtc</c>, then one row per decision in the
/// order they were made (an empty label is a skip). It is rewritten whole after every decision through a temporary
/// file and a rename, so a crash leaves the old file or the new one, never half of one.
/// </summary>
public static class LabelsFile
{
    /// <summary>The header line's fields.</summary>
    public static readonly IReadOnlyList<string> Columns = ["item", "label", "sha256", "decidedAtUtc"];

    /// <summary>The entries of <paramref name="path"/> in file order; none when it does not exist.</summary>
    /// <exception cref="EcgFormatException">The file is not a labels file: wrong header, a malformed line (named by number).</exception>
    public static IReadOnlyList<LabelEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || BatchCsv.Fields(lines[0]) is not { } header || !header.SequenceEqual(Columns))
        {
            throw new EcgFormatException(path, $"not a labels file: the first line must be {string.Join(',', Columns)}", line: 1);
        }

        var entries = new List<LabelEntry>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (BatchCsv.Fields(lines[i]) is not [var item, var label, var sha256, var at] || item.Length == 0
                || sha256.Length != 64 || BatchCsv.ParseTime(at) is not { } decided)
            {
                throw new EcgFormatException(path, "expected item, label (empty for skipped), a 64-digit SHA-256 and an ISO 8601 UTC time", line: i + 1);
            }

            entries.Add(new LabelEntry(item, label.Length > 0 ? label : null, sha256, decided));
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(string path, IEnumerable<LabelEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(BatchCsv.Line(Columns));
            foreach (var entry in entries)
            {
                writer.Write(BatchCsv.Line([entry.Item, entry.Label, entry.Sha256, BatchCsv.FormatTime(entry.DecidedAtUtc)]));
            }

            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>The labelled entries (the last decision per item), skipped ones left out.</summary>
    public static IReadOnlyList<LabelEntry> Labelled(IEnumerable<LabelEntry> entries) =>
        [.. entries.GroupBy(entry => entry.Item, StringComparer.Ordinal).Select(group => group.Last()).Where(entry => !entry.IsSkipped)];
}
