using EcgScope.Core;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Layout;
using EcgScope.Testing;

namespace EcgScope.Imaging.Tests;

/// <summary>The digitizer on the genuine printouts of the "ECG Images dataset of Cardiac Patients" (3x4 + rhythm strip, 25 mm/s, 10 mm/mV).</summary>
public sealed class PrintoutDigitizerTests
{
    /// <summary>The 12 full-resolution printouts (200 dpi), by class folder and file name.</summary>
    public static TheoryData<string> FullResolution() =>
        [.. new[] { "abnormal/HB(1).jpg", "abnormal/HB(2).jpg", "abnormal/HB(3).jpg", "mi/MI(1).jpg", "mi/MI(10).jpg", "mi/MI(101).jpg", "normal/Normal(1).jpg", "normal/Normal(10).jpg", "normal/Normal(11).jpg", "post_mi/PMI(1).jpg", "post_mi/PMI(2).jpg", "post_mi/PMI(3).jpg" }];

    [Theory]
    [MemberData(nameof(FullResolution))]
    public void A_full_resolution_printout_gives_twelve_leads_at_its_printed_scale(string file)
    {
        var path = TestData.File("images", "cardiac-patients", file);

        var printout = PrintoutDigitizer.Digitize(File.ReadAllBytes(path), path, cancellationToken: TestContext.Current.CancellationToken);

        AssertStandardPrintout(printout, pixelsPerMillimetre: 200 / 25.4);
    }

    [Fact]
    public void The_small_copies_give_twelve_leads_too()
    {
        var folder = TestData.Require("cardiac-patients");
        var files = Directory.GetFiles(folder, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Where((_, i) => i % 25 == 0).ToList();

        Assert.All(files, path => AssertStandardPrintout(
            PrintoutDigitizer.Digitize(File.ReadAllBytes(path), path, cancellationToken: TestContext.Current.CancellationToken),
            pixelsPerMillimetre: 0.4 * 200 / 25.4));
    }

    [Fact]
    public void The_rhythm_strip_is_the_lead_whose_first_column_it_repeats()
    {
        // Normal(1) prints lead III as its rhythm strip (its label says so), not the usual lead II.
        var path = TestData.File("images", "cardiac-patients", "normal", "Normal(1).jpg");

        var printout = PrintoutDigitizer.Digitize(File.ReadAllBytes(path), path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("III", printout.Layout.Panels[^1].Lead);
        Assert.True(CountFinite(printout.Record.FindLead("III")!) > 4800);
        Assert.InRange(CountFinite(printout.Record.FindLead("II")!), 1100, 1300);
    }

    [Fact]
    public void The_traces_drawn_back_lie_on_the_printed_ink()
    {
        var path = TestData.File("images", "cardiac-patients", "abnormal", "HB(2).jpg");
        var bytes = File.ReadAllBytes(path);
        using var image = OpenCvSharp.Cv2.ImDecode(bytes, OpenCvSharp.ImreadModes.Grayscale);

        var printout = PrintoutDigitizer.Digitize(bytes, path, cancellationToken: TestContext.Current.CancellationToken);

        // Within a pixel of every overlay point there is dark ink: the polylines are in the input image's coordinates.
        var points = printout.Panels.SelectMany(panel => panel.Trace).ToList();
        var onInk = points.Count(point => DarkNear(image, point));
        Assert.True(onInk > 0.97 * points.Count, $"{onInk} of {points.Count} overlay points on ink");
    }

    [Fact]
    public void A_blank_page_is_refused_with_the_reason()
    {
        using var blank = new OpenCvSharp.Mat(800, 1200, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.White);

        var error = Assert.Throws<EcgFormatException>(() => PrintoutDigitizer.Digitize(blank, "blank.png", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("rows of trace", error.Message, StringComparison.Ordinal);
    }

    private static void AssertStandardPrintout(DigitizedPrintout printout, double pixelsPerMillimetre)
    {
        Assert.Equal(LeadArrangement.ThreeByFourWithRhythm, printout.Layout.Arrangement);
        Assert.Equal(PaperScale.Standard, printout.Layout.Scale);
        Assert.InRange(printout.PixelsPerMillimeter, 0.98 * pixelsPerMillimetre, 1.02 * pixelsPerMillimetre);
        Assert.True(printout.Confidence >= 0.9, string.Join("; ", printout.Concerns));
        Assert.Equal(10, printout.Record.DurationSeconds);
        Assert.Equal(500, printout.Record.SamplingRate.Hertz);
        Assert.Equal(PrintoutLayout.TwelveLeads, printout.Record.LeadNames);
        Assert.Equal(PrintoutDigitizer.SourceFormat, printout.Record.Metadata.SourceFormat);
        Assert.All(printout.Record.Leads, lead => Assert.True(CountFinite(lead) >= 1150, $"{lead.Name}: {CountFinite(lead)} samples"));
        Assert.All(printout.Record.Leads, lead => Assert.All(lead.SamplesMillivolts.Where(double.IsFinite), value => Assert.InRange(value, -6, 6)));
        Assert.All(printout.Panels, panel => Assert.True(panel.Coverage > 0.9, $"{panel.Panel.Lead}: {panel.Coverage:P0}"));
    }

    private static int CountFinite(EcgLead lead) => lead.SamplesMillivolts.Count(double.IsFinite);

    internal static bool DarkNear(OpenCvSharp.Mat grey, ImagePoint point)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (x, y) = ((int)Math.Round(point.X) + dx, (int)Math.Round(point.Y) + dy);
                if (x >= 0 && y >= 0 && x < grey.Width && y < grey.Height && grey.At<byte>(y, x) < 128)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
