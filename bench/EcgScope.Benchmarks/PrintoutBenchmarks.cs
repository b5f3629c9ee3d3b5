using BenchmarkDotNet.Attributes;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Benchmarks;

/// <summary>Drawing PTB-XL 00010 as a 3x4 printout at 200 dpi (2213 x 1572 px), degrading it, encoding it: the digitizer's test-set generator.</summary>
[MemoryDiagnoser]
public class PrintoutBenchmarks
{
    private static readonly PrintoutLayout Layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard);
    private EcgRecord record = null!;
    private RenderedPrintout clean = null!;

    [GlobalSetup]
    public void Read()
    {
        record = EcgFile.Read(BenchmarkData.File("ptbxl", "records500", "00000", "00010_hr.hea"));
        clean = PrintoutRenderer.Render(record, Layout);
    }

    [GlobalCleanup]
    public void Dispose() => clean.Dispose();

    [Benchmark(Description = "render 3x4, 200 dpi, clean")]
    public int Render()
    {
        using var printout = PrintoutRenderer.Render(record, Layout);
        return printout.Image.Width;
    }

    [Benchmark(Description = "degrade with the photo preset")]
    public int Photo()
    {
        using var printout = DegradationPresets.Photo.Apply(clean, seed: 1);
        return printout.Image.Width;
    }

    [Benchmark(Description = "encode the clean page as PNG")]
    public int Png() => clean.EncodePng().Length;
}
