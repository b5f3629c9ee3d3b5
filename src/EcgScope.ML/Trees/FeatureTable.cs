using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.ML.Datasets;
using EcgScope.Signal.Features;

namespace EcgScope.ML.Trees;

/// <summary>
/// A named feature vector computed from a record's file, and what names its cache.
/// </summary>
/// <param name="CachePrefix">The start of its cache files' names, e.g. <c>rhythm-features-cache-</c>.</param>
/// <param name="Names">The feature names, in vector order (the cache's header).</param>
/// <param name="Code">Types whose assemblies hold the feature code: a new build of any of them gives a new cache file.</param>
/// <param name="Compute">The features of one record's file.</param>
public sealed record FeatureSet(string CachePrefix, ImmutableArray<string> Names, ImmutableArray<Type> Code, Func<string, double[]> Compute)
{
    /// <summary><see cref="RhythmFeatures"/> of a record's first lead.</summary>
    public static FeatureSet Rhythm { get; } =
        new("rhythm-features-cache-", RhythmFeatures.Names, [typeof(RhythmFeatures)], path => RhythmFeatures.Compute(EcgFile.Read(path)));
}

/// <summary>
/// A <see cref="FeatureSet"/> of many records, computed in parallel and cached in a CSV file (record name, then the
/// features; NaN where undefined) so that a rerun reads them instead. The cache file is named after the builds of the
/// feature code: any change to it gives a new file, so a stale cache is never read; writing one removes the other
/// builds' files.
/// </summary>
public static class FeatureTable
{
    /// <summary>The cache folder: ~/.cache/ecgscope/work.</summary>
    public static string DefaultCacheFolder { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ecgscope", "work");

    /// <summary>The cache file this build of the feature code reads and writes in <paramref name="folder"/>.</summary>
    public static string CacheFile(string folder, FeatureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var builds = string.Join("-", set.Code.Select(type => type.Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12]));
        return Path.Combine(folder, $"{set.CachePrefix}{builds}.csv");
    }

    /// <summary>
    /// The features of each record (rows in the order of <paramref name="records"/>), on <paramref name="threads"/>
    /// threads; those found in <paramref name="cacheFile"/> are read, the others computed and added to it.
    /// </summary>
    public static double[][] Compute(
        IReadOnlyList<LabelledRecord> records,
        FeatureSet set,
        string cacheFile,
        int threads = 2,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrEmpty(cacheFile);
        var header = "record," + string.Join(",", set.Names);
        var cached = Read(cacheFile, header);
        var missing = records.Where(record => !cached.ContainsKey(record.Name)).ToArray();
        var computed = new ConcurrentDictionary<string, double[]>();
        var done = 0;
        Parallel.ForEach(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            record =>
            {
                computed[record.Name] = set.Compute(record.Path);
                var completed = Interlocked.Increment(ref done);
                progress?.Report(new WorkProgress(completed, missing.Length, record.Name));
            });

        if (!computed.IsEmpty)
        {
            foreach (var (name, features) in computed)
            {
                cached[name] = features;
            }

            Write(cacheFile, header, set.CachePrefix, cached);
        }

        return [.. records.Select(record => cached[record.Name])];
    }

    private static Dictionary<string, double[]> Read(string cacheFile, string header)
    {
        var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (!File.Exists(cacheFile))
        {
            return rows;
        }

        var lines = File.ReadAllLines(cacheFile);
        if (lines.Length == 0 || lines[0] != header)
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

    private static void Write(string cacheFile, string header, string prefix, Dictionary<string, double[]> rows)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(cacheFile))!;
        Directory.CreateDirectory(folder);
        var lines = rows.OrderBy(row => row.Key, StringComparer.Ordinal)
            .Select(row => row.Key + "," + string.Join(",", row.Value.Select(value => value.ToString("R", CultureInfo.InvariantCulture))));
        var temporary = cacheFile + ".tmp";
        File.WriteAllLines(temporary, [header, .. lines]);
        File.Move(temporary, cacheFile, overwrite: true);
        foreach (var stale in Directory.EnumerateFiles(folder, prefix + "*.csv"))
        {
            if (!string.Equals(Path.GetFullPath(stale), Path.GetFullPath(cacheFile), StringComparison.Ordinal))
            {
                File.Delete(stale);
            }
        }
    }
}
