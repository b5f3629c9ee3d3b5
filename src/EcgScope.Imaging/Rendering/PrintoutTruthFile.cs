using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Rendering;

/// <summary>
/// A printout's truth as JSON (NAME.truth.json beside NAME.png): layout, scale, pixels per millimetre, the
/// image-from-paper homography and each panel's pixel box. The printed signals go to a WFDB record it names.
/// </summary>
/// <param name="Image">The image's file name.</param>
/// <param name="Record">The ground-truth WFDB header's file name.</param>
/// <param name="Degradation">The degradation preset applied ("clean" for none).</param>
/// <param name="Seed">The seed the degradations drew from.</param>
/// <param name="WidthPixels">The image's width.</param>
/// <param name="HeightPixels">The image's height.</param>
/// <param name="Arrangement">The layout's arrangement.</param>
/// <param name="MillimetersPerSecond">Paper speed.</param>
/// <param name="MillimetersPerMillivolt">Gain.</param>
/// <param name="GridWidthMillimeters">The grid's width.</param>
/// <param name="GridHeightMillimeters">The grid's height.</param>
/// <param name="PixelsPerMillimeter">The rendering resolution, before any warp.</param>
/// <param name="ImageFromPaper">The homography from paper millimetres to image pixels, row by row.</param>
/// <param name="GridTopLeftPixels">The grid's top-left corner in the image, [x, y].</param>
/// <param name="SamplingRateHz">The ground-truth record's sampling rate.</param>
/// <param name="Panels">Each printed lead stretch with its pixel box.</param>
public sealed record PrintoutTruthFile(
    string Image,
    string Record,
    string Degradation,
    int Seed,
    int WidthPixels,
    int HeightPixels,
    LeadArrangement Arrangement,
    double MillimetersPerSecond,
    double MillimetersPerMillivolt,
    double GridWidthMillimeters,
    double GridHeightMillimeters,
    double PixelsPerMillimeter,
    ImmutableArray<double> ImageFromPaper,
    ImmutableArray<double> GridTopLeftPixels,
    double SamplingRateHz,
    ImmutableArray<PrintoutTruthFile.PanelEntry> Panels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The file for <paramref name="printout"/>, whose image and record are saved as <paramref name="imageName"/> and <paramref name="recordName"/>.</summary>
    public static PrintoutTruthFile From(RenderedPrintout printout, string imageName, string recordName, string degradation, int seed)
    {
        ArgumentNullException.ThrowIfNull(printout);
        var truth = printout.Truth;
        var (gridX, gridY) = truth.GridTopLeft;
        return new PrintoutTruthFile(
            imageName,
            recordName,
            degradation,
            seed,
            printout.Image.Width,
            printout.Image.Height,
            truth.Layout.Arrangement,
            truth.Layout.Scale.MillimetersPerSecond,
            truth.Layout.Scale.MillimetersPerMillivolt,
            truth.Layout.GridWidthMillimeters,
            truth.Layout.GridHeightMillimeters,
            truth.PixelsPerMillimeter,
            truth.ImageFromPaper.Coefficients,
            [gridX, gridY],
            truth.Record.SamplingRate.Hertz,
            [.. truth.PanelBoxes.Select(box => new PanelEntry(
                box.Panel.Lead, box.Panel.StartSeconds, box.Panel.DurationSeconds, box.Panel.LeftMillimeters, box.Panel.BaselineMillimeters,
                box.Panel.HeightMillimeters, [box.Left, box.Top, box.Width, box.Height]))]);
    }

    /// <summary>The layout the file describes.</summary>
    public PrintoutLayout Layout => new(
        Arrangement,
        new PaperScale(MillimetersPerSecond, MillimetersPerMillivolt),
        GridWidthMillimeters,
        GridHeightMillimeters,
        [.. Panels.Select(panel => new LeadPanel(panel.Lead, panel.StartSeconds, panel.DurationSeconds, panel.LeftMillimeters, panel.BaselineMillimeters, panel.HeightMillimeters))]);

    /// <summary>The file as indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a file written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not such a file.</exception>
    public static PrintoutTruthFile Parse(string json) =>
        JsonSerializer.Deserialize<PrintoutTruthFile>(json, Json) ?? throw new JsonException("The truth file holds null.");

    /// <summary>One printed lead stretch: where it lies on paper and its box in the image.</summary>
    /// <param name="Lead">The lead's name.</param>
    /// <param name="StartSeconds">The recording's moment at the panel's left edge.</param>
    /// <param name="DurationSeconds">How much of the recording the panel shows.</param>
    /// <param name="LeftMillimeters">The panel's left edge from the grid's.</param>
    /// <param name="BaselineMillimeters">The panel's 0 mV line from the grid's top.</param>
    /// <param name="HeightMillimeters">The panel's row height.</param>
    /// <param name="BoxPixels">The panel's box in the image: [left, top, width, height].</param>
    public sealed record PanelEntry(
        string Lead, double StartSeconds, double DurationSeconds, double LeftMillimeters, double BaselineMillimeters, double HeightMillimeters, ImmutableArray<double> BoxPixels);
}
