using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Evaluation;
using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;
using OpenCvSharp;

namespace EcgScope.Imaging.Tests;

/// <summary>A page photographed at an angle on a table: found by its outline, flattened, and mapped back onto the photo.</summary>
public sealed class PhotographedPageTests
{
    private static readonly DegradationPipeline AtAnAngle = new("angle", [new Perspective(1)]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_traces_drawn_back_lie_on_the_ink_of_the_photo(int seed)
    {
        using var rendered = PrintoutRenderer.Render(TestRecords.PtbXl(), PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard));
        using var photo = AtAnAngle.Apply(rendered, seed);
        using var grey = new Mat();
        Cv2.CvtColor(photo.Image, grey, ColorConversionCodes.BGR2GRAY);

        var printout = PrintoutDigitizer.Digitize(photo.Image, "photo.png", cancellationToken: TestContext.Current.CancellationToken);

        // The trace points are found on the flattened page and carried back through the warp into the photo's pixels.
        var points = printout.Panels.SelectMany(panel => panel.Trace).ToList();
        var onInk = points.Count(point => PrintoutDigitizerTests.DarkNear(grey, point));
        Assert.True(onInk > 0.95 * points.Count, $"{onInk} of {points.Count} overlay points on ink");
        Assert.Equal(13, printout.Panels.Length);
        Assert.DoesNotContain(printout.Concerns, concern => concern.Contains("wider than high", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flattened_photo_reads_nearly_as_well_as_the_page_itself()
    {
        var record = TestRecords.PtbXl();
        var clean = DigitizerEvaluation.Score("clean", record, DegradationPresets.Clean, seed: 1, TestContext.Current.CancellationToken);
        var photo = DigitizerEvaluation.Score("photo", record, AtAnAngle, seed: 1, TestContext.Current.CancellationToken);

        Assert.Null(photo.Error);
        var cleanSnr = clean.Leads.Average(lead => lead.AlignedSnrDb);
        var photoSnr = photo.Leads.Average(lead => lead.AlignedSnrDb);
        Assert.True(photoSnr > cleanSnr - 6, $"aligned SNR {photoSnr:0.0} dB at an angle against {cleanSnr:0.0} dB flat");
    }

    [Fact]
    public void A_page_that_fills_the_picture_is_not_warped()
    {
        using var rendered = PrintoutRenderer.Render(TestRecords.PtbXl(), PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard));

        Assert.Null(PageOutline.Find(rendered.Image));
    }

    [Fact]
    public void A_blank_sheet_on_a_table_is_found_flattened_and_refused_with_the_reason()
    {
        using var table = new Mat(900, 1200, MatType.CV_8UC3, new Scalar(70, 90, 110));
        Point[] sheet = [new(150, 120), new(1050, 80), new(1100, 820), new(100, 760)];
        Cv2.FillConvexPoly(table, sheet, Scalar.White);

        Assert.NotNull(PageOutline.Find(table));
        var error = Assert.Throws<EcgScope.Core.EcgFormatException>(() => PrintoutDigitizer.Digitize(table, "sheet.png", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("sheet.png", error.Message, StringComparison.Ordinal);
    }
}
