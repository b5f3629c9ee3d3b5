using BenchmarkDotNet.Attributes;
using EcgScope.Imaging.Digitizing;
using OpenCvSharp;

namespace EcgScope.Benchmarks;

/// <summary>
/// Digitizing a genuine full-resolution printout (2213 x 1572 px, 200 dpi, JPEG) on one core: OpenCV's own threads
/// are limited to one, and the digitizer itself is single-threaded.
/// </summary>
[MemoryDiagnoser]
public class DigitizerBenchmarks
{
    private byte[] jpeg = [];
    private Mat? decoded;

    [GlobalSetup]
    public void ReadPrintout()
    {
        Cv2.SetNumThreads(1);
        jpeg = File.ReadAllBytes(BenchmarkData.File("images", "cardiac-patients", "normal", "Normal(1).jpg"));
        decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
    }

    [GlobalCleanup]
    public void Release() => decoded?.Dispose();

    [Benchmark(Description = "JPEG bytes to 12-lead record (decode included)")]
    public DigitizedPrintout FromJpeg() => PrintoutDigitizer.Digitize(jpeg, "Normal(1).jpg");

    [Benchmark(Description = "decoded image to 12-lead record")]
    public DigitizedPrintout FromImage() => PrintoutDigitizer.Digitize(decoded!, "Normal(1).jpg");
}
