using System.Globalization;
using System.Text;
using EcgScope.Imaging.Classification;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;

namespace EcgScope.ML.Printouts;

/// <summary>
/// The backbone features of each printout, computed once (they never change: the backbone is frozen) and kept in a
/// CSV file (<c>record,f0,…</c>) so that later runs read them instead of running ResNet-18 again.
/// </summary>
public static class BackboneFeatures
{
    /// <summary>
    /// The features of every record in order, read from <paramref name="cachePath"/> when it holds exactly these
    /// records, else computed on <paramref name="threads"/> threads and written there.
    /// </summary>
    public static float[][] Load(IReadOnlyList<LabelledRecord> records, ImageInputSpec spec, string cachePath, int threads, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(spec);
        if (File.Exists(cachePath) && Read(cachePath) is var cached && cached.Names.SequenceEqual(records.Select(r => r.Name), StringComparer.Ordinal))
        {
            return cached.Features;
        }

        using var pipeline = OnnxPipeline.Open(spec.Backbone ?? throw new ArgumentException("The spec has no backbone.", nameof(spec)));
        var features = new float[records.Count][];
        var done = 0;
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            using var image = PrintoutPixels.Read(records[i].Path);
            features[i] = pipeline.Run(PrintoutPixels.Input(image, spec));
            progress?.Report(Interlocked.Increment(ref done));
        });
        Write(cachePath, records, features);
        return features;
    }

    private static void Write(string path, IReadOnlyList<LabelledRecord> records, float[][] features)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = new StringBuilder();
        for (var i = 0; i < records.Count; i++)
        {
            text.Append(records[i].Name);
            foreach (var value in features[i])
            {
                text.Append(CultureInfo.InvariantCulture, $",{value:R}");
            }

            text.AppendLine();
        }

        File.WriteAllText(path + ".tmp", text.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static (List<string> Names, float[][] Features) Read(string path)
    {
        var names = new List<string>();
        var features = new List<float[]>();
        foreach (var line in File.ReadLines(path))
        {
            // Record names hold no commas (class/file.jpg); the first field is the name.
            var fields = line.Split(',');
            names.Add(fields[0]);
            features.Add([.. fields.Skip(1).Select(field => float.Parse(field, CultureInfo.InvariantCulture))]);
        }

        return (names, [.. features]);
    }
}
