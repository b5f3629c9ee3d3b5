using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Imaging.Tests.Rendering;

public sealed class PageTextAndTruthFileTests
{
    [Theory]
    [InlineData(LeadArrangement.ThreeByFourWithRhythm, 25, 10, "0.05~150Hz AC50 25mm/s 10mm/mV 4*2.5s+1r \u266577")]
    [InlineData(LeadArrangement.SixByTwo, 50, 20, "0.05~150Hz AC50 50mm/s 20mm/mV 2*5s \u266577")]
    [InlineData(LeadArrangement.TwelveByOne, 25, 5, "0.05~150Hz AC50 25mm/s 5mm/mV 1*10s \u266577")]
    public void The_footer_reads_like_the_genuine_printouts(LeadArrangement arrangement, double speed, double gain, string expected)
    {
        var layout = PrintoutLayout.Standard(arrangement, new PaperScale(speed, gain));

        Assert.Equal(expected, PageText.Footer(layout, PrintoutOptions.Default, 76.6));
    }

    [Fact]
    public void The_footer_rate_is_measured_on_the_rhythm_strip_when_not_given()
    {
        // PTB-XL 00001 is a sinus rhythm of about 64 bpm.
        var record = TestRecords.PtbXl();
        var rate = PageText.HeartRateBpm(record, PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard), PrintoutOptions.Default);

        Assert.NotNull(rate);
        Assert.InRange(rate.Value, 55, 75);
        Assert.Equal(90, PageText.HeartRateBpm(record, PrintoutLayout.Standard(LeadArrangement.SixByTwo, PaperScale.Standard), new PrintoutOptions { HeartRateBpm = 90 }));
    }

    [Fact]
    public void Without_two_beats_the_footer_prints_no_rate()
    {
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard);
        var rate = PageText.HeartRateBpm(TestRecords.Flat(), layout, PrintoutOptions.Default);

        Assert.Null(rate);
        Assert.EndsWith("4*2.5s+1r \u2665--", PageText.Footer(layout, PrintoutOptions.Default, rate), StringComparison.Ordinal);
    }

    [Fact]
    public void The_truth_file_reads_back_the_layout_and_homography_it_wrote()
    {
        var layout = PrintoutLayout.Standard(LeadArrangement.SixByTwo, new PaperScale(50, 20));
        using var clean = PrintoutRenderer.Render(TestRecords.Pulses(), layout);
        using var photo = DegradationPresets.Photo.Apply(clean, seed: 5);

        var file = PrintoutTruthFile.Parse(PrintoutTruthFile.From(photo, "a.png", "a_truth.hea", "photo", 5).ToJson());

        Assert.Equal(layout.Panels, file.Layout.Panels);
        Assert.Equal((layout.Arrangement, layout.Scale, layout.GridWidthMillimeters), (file.Layout.Arrangement, file.Layout.Scale, file.Layout.GridWidthMillimeters));
        Assert.Equal(photo.Truth.ImageFromPaper, new Homography(file.ImageFromPaper));
        Assert.Equal(photo.Truth.PanelBoxes.Select(box => new[] { box.Left, box.Top, box.Width, box.Height }), file.Panels.Select(panel => panel.BoxPixels.ToArray()));
        Assert.Equal((photo.Image.Width, photo.Image.Height, "photo", 5), (file.WidthPixels, file.HeightPixels, file.Degradation, file.Seed));
    }
}
