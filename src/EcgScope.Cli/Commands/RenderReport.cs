using System.Globalization;
using EcgScope.Imaging.Rendering;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary>What <c>ecgscope render</c> prints: the files written and the page's geometry (the truth file holds the rest).</summary>
/// <param name="Image">The PNG written.</param>
/// <param name="TruthFile">The truth JSON written.</param>
/// <param name="Record">The ground-truth WFDB header written.</param>
/// <param name="WidthPixels">The image's width.</param>
/// <param name="HeightPixels">The image's height.</param>
/// <param name="Layout">The layout as <c>--layout</c> names it.</param>
/// <param name="MillimetersPerSecond">Paper speed.</param>
/// <param name="MillimetersPerMillivolt">Gain.</param>
/// <param name="PixelsPerMillimeter">The rendering resolution, before any warp.</param>
/// <param name="Grid">The grid style.</param>
/// <param name="Degradation">The degradation preset.</param>
/// <param name="Seed">The degradations' seed.</param>
/// <param name="PanelCount">How many lead panels the page prints.</param>
internal sealed record RenderReport(
    string Image, string TruthFile, string Record, int WidthPixels, int HeightPixels, string Layout, double MillimetersPerSecond,
    double MillimetersPerMillivolt, double PixelsPerMillimeter, string Grid, string Degradation, int Seed, int PanelCount) : ITextReport
{
    /// <summary>The report of a page whose truth file is <paramref name="truth"/>.</summary>
    public static RenderReport From(string image, string truthFile, string record, PrintoutTruthFile truth, string layout, string grid) => new(
        image, truthFile, record, truth.WidthPixels, truth.HeightPixels, layout, truth.MillimetersPerSecond, truth.MillimetersPerMillivolt,
        truth.PixelsPerMillimeter, grid, truth.Degradation, truth.Seed, truth.Panels.Length);

    public void WriteText(TextWriter writer)
    {
        writer.WriteLine($"image    {Image} ({WidthPixels} x {HeightPixels} px)");
        writer.WriteLine($"truth    {TruthFile}");
        writer.WriteLine($"record   {Record}");
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"page     {Layout}, {MillimetersPerSecond} mm/s, {MillimetersPerMillivolt} mm/mV, {PixelsPerMillimeter:0.###} px/mm, {Grid} grid, {PanelCount} panels, degradation {Degradation} (seed {Seed})"));
    }
}
