using System.Globalization;
using EcgScope.Imaging.Rendering;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope render</c> prints: the files written and the page's geometry.</summary>
/// <param name="Image">The PNG written.</param>
/// <param name="TruthFile">The truth JSON written.</param>
/// <param name="Record">The ground-truth WFDB header written.</param>
/// <param name="Truth">The truth file's content.</param>
internal sealed record RenderReport(string Image, string TruthFile, string Record, PrintoutTruthFile Truth) : ITextReport
{
    public void WriteText(TextWriter writer)
    {
        writer.WriteLine($"image    {Image} ({Truth.WidthPixels} x {Truth.HeightPixels} px)");
        writer.WriteLine($"truth    {TruthFile}");
        writer.WriteLine($"record   {Record}");
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"page     {RenderCommand.Layouts.First(layout => layout.Value == Truth.Arrangement).Key}, {Truth.MillimetersPerSecond} mm/s, {Truth.MillimetersPerMillivolt} mm/mV, {Truth.PixelsPerMillimeter:0.###} px/mm, {Truth.Panels.Length} panels, degradation {Truth.Degradation} (seed {Truth.Seed})"));
    }
}
