using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using EcgScope.Core;
using EcgScope.Formats;

namespace EcgScope.Benchmarks;

/// <summary>Reading real files of each format into an <see cref="EcgRecord"/>, content sniffing included.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string csvPath = "";
    private byte[] mitBihZip = [];

    /// <summary>
    /// MIT-BIH record 100 written as a three-column CSV (time, MLII, V5): 650 000 rows; and its three files zipped in
    /// memory, as an upload of the record would come.
    /// </summary>
    [GlobalSetup]
    public void WriteFiles()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var extension in new[] { "hea", "dat", "atr" })
            {
                archive.CreateEntryFromFile(BenchmarkData.File("mitdb", "100." + extension), "100." + extension);
            }
        }

        mitBihZip = zip.ToArray();

        var record = EcgFile.Read(BenchmarkData.File("mitdb", "100.hea"));
        csvPath = Path.Combine(Path.GetTempPath(), "ecgscope-bench-100.csv");
        var text = new StringBuilder("time,MLII (mV),V5 (mV)\n");
        for (var i = 0; i < record.SampleCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{record.SamplingRate.SecondsAt(i):0.######},{record.Leads[0].Span[i]},{record.Leads[1].Span[i]}\n");
        }

        File.WriteAllText(csvPath, text.ToString());
    }

    [GlobalCleanup]
    public void DeleteCsv() => File.Delete(csvPath);

    [Benchmark(Description = "WFDB 212, MIT-BIH 100 (2 x 650 000 samples + .atr)")]
    public EcgRecord WfdbMitBih() => EcgFile.Read(BenchmarkData.File("mitdb", "100.hea"));

    [Benchmark(Description = "WFDB 212, MIT-BIH 100 from a zip archive in memory")]
    public EcgRecord WfdbMitBihZip()
    {
        using var archive = new ZipArchive(new MemoryStream(mitBihZip), ZipArchiveMode.Read);
        return EcgFile.Read(RecordFileSet.FromZip(archive).Open("100.hea"));
    }

    [Benchmark(Description = "WFDB 16, PTB-XL 00001_hr (12 x 5 000 samples)")]
    public EcgRecord WfdbPtbXl() => EcgFile.Read(BenchmarkData.File("ptbxl", "records500", "00000", "00001_hr.hea"));

    [Benchmark(Description = "MATLAB v4, CinC 2017 A00001 (9 000 samples)")]
    public EcgRecord MatCinc() => EcgFile.Read(BenchmarkData.File("cinc2017", "training2017", "A00001.mat"));

    [Benchmark(Description = "Apple Health CSV (15 360 samples)")]
    public EcgRecord AppleHealthCsv() => EcgFile.Read(BenchmarkData.File("apple-health", "ecg_2024-08-19.csv"));

    [Benchmark(Description = "CSV, MIT-BIH 100 as text (650 000 rows x 3)")]
    public EcgRecord Csv() => EcgFile.Read(csvPath);
}
