using EcgScope.Formats.Pdf.Tests;

namespace EcgScope.Benchmarks.Web;

/// <summary>
/// Files the web benchmarks upload. There is no genuine Apple Watch PDF in the datasets, so a 30 s one is written once
/// by the PDF tests' faithful generator into bench/input (ignored by git: it is made again on demand).
/// </summary>
internal static class BenchmarkInput
{
    /// <summary>A 30 s Apple Watch ECG PDF (three 10 s strips at 512 Hz, an ECGSYN trace at 70 bpm).</summary>
    public static string ApplePdf30Seconds()
    {
        var path = Path.Combine(Folder, "apple-ecg-30s.pdf");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Folder);
            var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(3 * 5120) };
            File.WriteAllBytes(path, AppleEcgPdfGenerator.Write(spec));
        }

        return path;
    }

    /// <summary>A genuine Apple Watch CSV export (30 s at 512 Hz).</summary>
    public static string AppleCsv30Seconds() => BenchmarkData.File("apple-health", "ecg_2024-08-19.csv");

    /// <summary>The repository's root: the first folder above the binaries that holds EcgScope.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string Folder => Path.Combine(RepositoryRoot, "bench", "input");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EcgScope.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds EcgScope.slnx.");
    }
}
