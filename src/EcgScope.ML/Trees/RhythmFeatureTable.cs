using System.Collections.Concurrent;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.ML.Datasets;
using EcgScope.Signal.Features;

namespace EcgScope.ML.Trees;

/// <summary>
/// <see cref="RhythmFeatures"/> of many records, computed in parallel and cached in a CSV file (record name, then the
/// features) so that a rerun reads them instead. The cache file is named after the build of the feature code: any
/// change to EcgScope.Signal gives a new file, so a stale cache is never read; writing one removes the other builds' files.
/// </summary>
public static class RhythmFeatureTable
{
    /// <summary>The cache folder: ~/.cache/ecgscope/work.</summary>
    public static string DefaultCacheFolder { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ecgscope", "work");

    /// <summary>The cache file this build of the feature code reads and writes in <paramref name="folder"/>.</summary>
    public static string CacheFile(string folder) =>
        Path.Combine(folder, $"{CachePrefix}{typeof(RhythmFeatures).Assembly.ManifestModule.ModuleVersionId:N}.csv");

    private const string CachePrefix = "rhythm-features-cache-";

    /// <summary>
    /// The features of the first lead of each record (rows in the order of <paramref name="records"/>), on
    /// <paramref name="threads"/> threads; those found in <paramref name="cacheFile"/> are read, the others computed and
    /// added to it.
    /// </summary>
    public static double[][] Compute(
        IReadOnlyList<LabelledRecord> records,
        string cacheFile,
        int threads = 2,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrEmpty(cacheFile);
        var cached = Read(cacheFile);
        var missing = records.Where(record => !cached.ContainsKey(record.Name)).ToArray();
        var computed = new ConcurrentDictionary<string, double[]>();
        var done = 0;
        Parallel.ForEach(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            record =>
            {
                computed[record.Name] = RhythmFeatures.Compute(EcgFile.Read(record.Path));
                var completed = Interlocked.Increment(ref done);
                progress?.Report(new WorkProgress(completed, missing.Length, record.Name));
            });

        if (!computed.IsEmpty)
        {
            foreach (var (name, features) in computed)
            {
                cached[name] = features;
            }

            Write(cacheFile, cached);
        }

        return [.. records.Select(record => cached[record.Name])];
    }

    private static Dictionary<string, double[]> Read(string cacheFile)
    {
        var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (!File.Exists(cacheFile))
        {
            return rows;
        }

        var lines = File.ReadAllLines(cacheFile);
        if (lines.Length == 0 || lines[0] != Header())
        {
            return rows; // another feature list: computed afresh and rewritten
        }

        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            rows[fields[0]] = [.. fields.Skip(1).Select(field => double.Parse(field, CultureInfo.InvariantCulture))];
        }

        return rows;
    }

    private static void Write(string cacheFile, Dictionary<string, double[]> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
        var lines = rows.OrderBy(row => row.Key, StringComparer.Ordinal)
            .Select(row => row.Key + "," + string.Join(",", row.Value.Select(value => value.ToString("R", CultureInfo.InvariantCulture))));
        var temporary = cacheFile + ".tmp";
        File.WriteAllLines(temporary, [Header(), .. lines]);
        File.Move(temporary, cacheFile, overwrite: true);
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!, CachePrefix + "*.csv"))
        {
            if (!string.Equals(Path.GetFullPath(stale), Path.GetFullPath(cacheFile), StringComparison.Ordinal))
            {
                File.Delete(stale);
            }
        }
    }

    private static string Header() => "record," + string.Join(",", RhythmFeatures.Names);
}
